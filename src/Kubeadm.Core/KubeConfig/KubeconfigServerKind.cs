namespace Kubeadm.Core.KubeConfig;

/// <summary>Which API server address a kubeconfig file points at.</summary>
public enum KubeconfigServerKind
{
    /// <summary>The cluster-wide endpoint: controlPlaneEndpoint when set, else this node's advertise address.</summary>
    ControlPlaneEndpoint,

    /// <summary>This node's own API server (advertise address and bind port), for components that run beside it.</summary>
    LocalEndpoint,
}
