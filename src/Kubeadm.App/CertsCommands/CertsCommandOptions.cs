namespace Kubeadm.App.CertsCommands;

/// <summary>
/// What the user said on a `kubeadm certs` sub-command line. A null value means the flag was not given.
/// </summary>
public sealed record CertsCommandOptions
{
    public string? ConfigPath { get; init; }

    public string? CertDir { get; init; }

    /// <summary>--kubeconfig: the admin kubeconfig kubeadm would use to read the cluster's kubeadm-config ConfigMap.</summary>
    public string? KubeconfigPath { get; init; }

    /// <summary>--kubeconfig-dir (generate-csr only): where kubeconfig files and their CSRs go.</summary>
    public string? KubeconfigDir { get; init; }

    public string Rootfs { get; init; } = "/";

    public int Verbosity { get; init; }
}
