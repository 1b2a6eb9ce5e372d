using System.Text.Json.Nodes;

namespace Kubeadm.Core.UploadConfig;

/// <summary>
/// The Node annotation through which older kubeadm remembered each node's CRI socket. With the NodeLocalCRISocket
/// feature gate (on by default in v1.34) the socket lives in /var/lib/kubelet/instance-config.yaml instead and the
/// annotation is no longer written.
/// </summary>
public static class CriSocketAnnotation
{
    public const string Key = "kubeadm.alpha.kubernetes.io/cri-socket";

    /// <summary>The strategic-merge patch that sets the annotation.</summary>
    public static string Patch(string criSocket)
    {
        ArgumentNullException.ThrowIfNull(criSocket);
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [Key] = criSocket } },
        };
        return patch.ToJsonString();
    }
}
