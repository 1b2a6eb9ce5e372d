namespace Kubeadm.Core.Configuration.Validation;

/// <summary>Reads kube-controller-manager extra args the way kubeadm's GetArgValue does (the last occurrence wins).</summary>
internal static class ControllerManagerArgs
{
    public static string? LastValue(ClusterConfiguration cluster, string name) =>
        cluster.ControllerManager.ExtraArgs.LastOrDefault(a => a.Name == name)?.Value;
}
