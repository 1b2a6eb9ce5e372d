using Kubeadm.Core.Configuration;
using Kubeadm.Core.Host;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.CertsCommands;

/// <summary>What a `kubeadm certs` sub-command works from: the loaded configuration and the host ports.</summary>
public sealed class CertsCommandContext
{
    public required KubeadmConfig Config { get; init; }

    public required IFileSystem FileSystem { get; init; }

    /// <summary>Where the kubeconfig files live (kubeadm's /etc/kubernetes for renew and check-expiration).</summary>
    public required string KubeconfigDir { get; init; }

    public required TextWriter Out { get; init; }

    public required TextWriter Err { get; init; }

    public required TimeProvider Clock { get; init; }

    public required IKeyGenerator KeyGenerator { get; init; }

    public PkiDirectory Pki => new(FileSystem, Config.Cluster.CertificatesDir);

    public string KubeconfigPath(string fileName) => KubeconfigDir.TrimEnd('/') + "/" + fileName;
}
