using Kubeadm.App.KubeConfig;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Init;

/// <summary>
/// kubeadm's dry-run directory: certificates, kubeconfigs, static Pod manifests and kubelet files all land flat in it;
/// certificates, keys and kubeconfigs are written there without being printed (kubeadm says it does not print them).
/// </summary>
public static class DryRunLayout
{
    public static DryRunMirror Mirror(IFileSystem fileSystem, string directory, KubeadmConfig config, InitOptions options)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new DryRunMirror(fileSystem, directory,
            [config.Cluster.CertificatesDir, KubeconfigFolder.Of(options), KubeadmConstants.ManifestsDir, KubeadmConstants.KubeletDir]);
    }

    public static Func<string, bool> IsUnprinted(KubeadmConfig config, InitOptions options)
    {
        ArgumentNullException.ThrowIfNull(config);
        var certificatesDir = HostPathSyntax.Normalize(config.Cluster.CertificatesDir);
        var kubeconfigDir = HostPathSyntax.Normalize(KubeconfigFolder.Of(options));
        return path => HostPathSyntax.IsSameOrUnder(path, certificatesDir)
            || (HostPathSyntax.GetParent(path) == kubeconfigDir && path.EndsWith(".conf", StringComparison.Ordinal));
    }
}
