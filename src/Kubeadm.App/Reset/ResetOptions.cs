namespace Kubeadm.App.Reset;

/// <summary>
/// What the user said on the `kubeadm reset` command line. A null value means the flag was not given (so the
/// ResetConfiguration from --config, or the default, applies); <see cref="ChangedFlags"/> names every flag given.
/// </summary>
public sealed record ResetOptions
{
    public string? ConfigPath { get; init; }
    public string? CertDir { get; init; }
    public string? CriSocket { get; init; }
    public bool? DryRun { get; init; }
    public bool? Force { get; init; }
    public bool? CleanupTmpDir { get; init; }
    public IReadOnlyList<string> IgnorePreflightErrors { get; init; } = [];
    public IReadOnlyList<string>? SkipPhases { get; init; }
    public string? KubeconfigPath { get; init; }
    public string Rootfs { get; init; } = "/";
    public int Verbosity { get; init; }
    public IReadOnlyList<string> ChangedFlags { get; init; } = [];
}
