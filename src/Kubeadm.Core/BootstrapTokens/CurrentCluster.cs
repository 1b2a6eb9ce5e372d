using k8s.KubeConfigModels;
using Kubeadm.Core.Errors;

namespace Kubeadm.Core.BootstrapTokens;

/// <summary>The cluster entry a kubeconfig's current context points at, or a user error naming what is missing.</summary>
public static class CurrentCluster
{
    public static Cluster Of(K8SConfiguration kubeconfig, string path)
    {
        ArgumentNullException.ThrowIfNull(kubeconfig);
        var contextName = kubeconfig.CurrentContext;
        if (string.IsNullOrEmpty(contextName))
        {
            throw new KubeadmUserException($"malformed kubeconfig file: {path}: the current context is not set");
        }

        var context = kubeconfig.Contexts?.FirstOrDefault(c => c.Name == contextName)
            ?? throw new KubeadmUserException($"malformed kubeconfig file: {path}: the current context \"{contextName}\" does not exist");
        var clusterName = context.ContextDetails?.Cluster ?? "";
        return kubeconfig.Clusters?.FirstOrDefault(c => c.Name == clusterName)
            ?? throw new KubeadmUserException(
                $"malformed kubeconfig file: {path}: the cluster \"{clusterName}\" of the current context \"{contextName}\" does not exist");
    }
}
