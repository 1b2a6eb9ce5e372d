using Kubeadm.Core.Configuration;

namespace Kubeadm.Core.ControlPlane;

/// <summary>
/// What the control-plane manifests take from the host rather than the configuration: the proxy variables of the
/// kubeadm process, which CA-trust directories exist, and whether the cluster CA's key is absent (external CA mode).
/// </summary>
public sealed record StaticPodHostFacts(IReadOnlyList<EnvVar> ProxyEnvironment, Func<string, bool> HostPathExists, bool UsingExternalCa)
{
    /// <summary>No proxy variables, no optional host directories, the CA key present.</summary>
    public static StaticPodHostFacts None { get; } = new([], _ => false, UsingExternalCa: false);
}
