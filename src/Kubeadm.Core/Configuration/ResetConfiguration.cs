namespace Kubeadm.Core.Configuration;

/// <summary>The fields of a <c>kubeadm.k8s.io/v1beta4</c> ResetConfiguration document; empty means "not set".</summary>
public sealed record ResetConfiguration
{
    public bool? CleanupTmpDir { get; init; }
    public string CertificatesDir { get; init; } = "";
    public string CriSocket { get; init; } = "";
    public bool? DryRun { get; init; }
    public bool? Force { get; init; }
    public IReadOnlyList<string> IgnorePreflightErrors { get; init; } = [];
    public IReadOnlyList<string> SkipPhases { get; init; } = [];
    public IReadOnlyList<string> UnmountFlags { get; init; } = [];

    /// <summary>timeouts.etcdAPICall: how long reset retries etcd calls (default 2m).</summary>
    public TimeSpan? EtcdApiCallTimeout { get; init; }
}
