using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;

namespace Kubeadm.App.ClusterApi;

/// <summary>
/// Builds the real API client from a kubeconfig file on the host (admin.conf, super-admin.conf), read through the
/// host file system so --rootfs applies, wrapped in kubeadm's retry rules.
/// </summary>
public static class ClusterClientFactory
{
    public static IClusterApi FromKubeconfig(IFileSystem fileSystem, string kubeconfigPath, TimeSpan apiCallTimeout, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        if (!fileSystem.FileExists(kubeconfigPath))
        {
            throw new KubeadmUserException(
                $"couldn't create a Kubernetes client from file \"{kubeconfigPath}\": the file does not exist; run 'kubeadm init phase kubeconfig' first");
        }

        var kubeconfig = KubeconfigYamlReader.Read(fileSystem.ReadAllText(kubeconfigPath), kubeconfigPath);
        return Retrying(KubeconfigConnection.Create(kubeconfig, kubeconfigPath, fileSystem.ReadAllBytes), apiCallTimeout, clock);
    }

    /// <summary>The client for an in-memory kubeconfig with embedded credentials (join's TLS bootstrap configuration); <paramref name="name"/> is for messages.</summary>
    public static IClusterApi FromKubeconfig(k8s.KubeConfigModels.K8SConfiguration kubeconfig, string name, TimeSpan apiCallTimeout, TimeProvider clock) =>
        Retrying(KubeconfigConnection.Create(kubeconfig, name, readFile: null), apiCallTimeout, clock);

    private static RetryingClusterApi Retrying(KubeRestClient client, TimeSpan apiCallTimeout, TimeProvider clock) =>
        new(new KubernetesClusterApi(client), apiCallTimeout, clock);
}
