using k8s.Models;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;

namespace Kubeadm.App.ClusterApi;

/// <summary>
/// What the dry-run cluster "already has", as kubeadm's dry-run getter synthesizes it: this node, registered by a
/// kubelet (hostname label set), so phases that wait for or patch the node can proceed.
/// </summary>
public static class DryRunClusterState
{
    public static InMemoryClusterApi For(KubeadmConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var state = new InMemoryClusterApi();
        var nodeName = config.Init.NodeRegistration.Name;
        state.Seed(new V1Node
        {
            Metadata = new V1ObjectMeta
            {
                Name = nodeName,
                Labels = new Dictionary<string, string>
                {
                    [KubeadmConstants.HostnameLabel] = nodeName,
                    ["kubernetes.io/os"] = "linux",
                },
            },
        });
        return state;
    }
}
