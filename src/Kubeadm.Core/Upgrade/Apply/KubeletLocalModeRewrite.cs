using k8s.KubeConfigModels;
using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Upgrade.Apply;

/// <summary>The server change kubelet.conf needs on a control plane in ControlPlaneKubeletLocalMode.</summary>
/// <param name="From">The server kubelet.conf names now (the control-plane endpoint).</param>
/// <param name="To">This node's own API server.</param>
public sealed record KubeletServerChange(string From, string To);

/// <summary>
/// kubeadm's UpdateKubeletLocalMode decision (the hidden `kubeconfig` phase of `upgrade apply` / `upgrade node`):
/// kubelet.conf's current cluster moves from the control-plane endpoint to this node's local API endpoint. It stays as
/// it is when it names anything else (already local, or hand-edited) or when both endpoints are the same.
/// </summary>
public static class KubeletLocalModeRewrite
{
    /// <returns>The change to make, or null when kubelet.conf stays as it is.</returns>
    public static KubeletServerChange? Decide(K8SConfiguration kubeletConf, string path, string controlPlaneUrl, string localUrl)
    {
        ArgumentNullException.ThrowIfNull(kubeletConf);
        var server = CurrentCluster(kubeletConf, path)?.ClusterEndpoint?.Server ?? "";
        return server != controlPlaneUrl || controlPlaneUrl == localUrl ? null : new KubeletServerChange(server, localUrl);
    }

    /// <summary>Points the current context's cluster at <paramref name="change"/>'s local server.</summary>
    public static void Apply(K8SConfiguration kubeletConf, string path, KubeletServerChange change)
    {
        ArgumentNullException.ThrowIfNull(kubeletConf);
        ArgumentNullException.ThrowIfNull(change);
        var cluster = CurrentCluster(kubeletConf, path)
            ?? throw new KubeadmUserException($"cannot find cluster for active context in kubeconfig \"{path}\"");
        cluster.ClusterEndpoint.Server = change.To;
    }

    private static Cluster? CurrentCluster(K8SConfiguration kubeletConf, string path)
    {
        var context = kubeletConf.Contexts?.FirstOrDefault(c => c.Name == kubeletConf.CurrentContext)
            ?? throw new KubeadmUserException($"cannot find cluster for active context in kubeconfig \"{path}\"");
        return kubeletConf.Clusters?.FirstOrDefault(c => c.Name == context.ContextDetails?.Cluster);
    }
}
