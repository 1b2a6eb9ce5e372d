namespace Kubeadm.App.KubeConfig;

/// <summary>What the user said on a `kubeadm kubeconfig user` command line.</summary>
public sealed record UserKubeconfigOptions
{
    public required string ClientName { get; init; }

    public string? ConfigPath { get; init; }

    public IReadOnlyList<string> Organizations { get; init; } = [];

    /// <summary>When not empty, the user authenticates with this token instead of a client certificate.</summary>
    public string Token { get; init; } = "";

    public TimeSpan ValidityPeriod { get; init; } = Kubeadm.Core.Constants.KubeadmConstants.CertificateValidityPeriod;

    public string Rootfs { get; init; } = "/";

    public int Verbosity { get; init; }
}
