namespace Kubeadm.Core.Kubelet;

/// <summary>
/// /var/lib/kubelet/instance-config.yaml (NodeLocalCRISocket): this node's own kubelet settings, applied as a
/// strategic merge patch over config.yaml after the user's patches. Today it holds only the CRI endpoint.
/// </summary>
public static class KubeletInstanceConfig
{
    public static string Content(string criSocket)
    {
        ArgumentNullException.ThrowIfNull(criSocket);
        return $"containerRuntimeEndpoint: {GoQuote.Quote(criSocket)}\n";
    }
}
