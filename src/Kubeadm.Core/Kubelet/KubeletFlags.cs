using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Images;

namespace Kubeadm.Core.Kubelet;

/// <summary>
/// The node-specific kubelet flags kubeadm writes to /var/lib/kubelet/kubeadm-flags.env as
/// <c>KUBELET_KUBEADM_ARGS="…"</c>: its own flags merged with the user's kubeletExtraArgs (a user flag replaces every
/// kubeadm flag of the same name) and the whole list sorted by name, as kubeadm's ArgumentsToCommand does.
/// </summary>
public static class KubeletFlags
{
    /// <summary>The variable the kubelet's systemd drop-in reads.</summary>
    public const string EnvironmentVariable = "KUBELET_KUBEADM_ARGS";

    /// <summary>The whole file: one line, the arguments joined by spaces and quoted like Go's %q.</summary>
    public static string EnvFile(KubeadmConfig config, string hostname, bool registerWithTaints = false) =>
        $"{EnvironmentVariable}={GoQuote.Quote(string.Join(' ', Command(config, hostname, registerWithTaints)))}\n";

    /// <summary>Every argument as <c>--name=value</c>, in kubeadm's order.</summary>
    /// <param name="config">The node's configuration.</param>
    /// <param name="hostname">The host's name.</param>
    /// <param name="registerWithTaints">A worker join: the kubelet registers its Node with nodeRegistration.taints.</param>
    public static IReadOnlyList<string> Command(KubeadmConfig config, string hostname, bool registerWithTaints = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        return ArgumentList.ToCommandKeepingOrderOfEqualNames(
            KubeadmArguments(config, hostname).Concat(registerWithTaints ? TaintArgument(config.Init.NodeRegistration) : []),
            config.Init.NodeRegistration.KubeletExtraArgs);
    }

    /// <summary>The flags kubeadm itself sets for `init` (never --register-with-taints: mark-control-plane taints the node).</summary>
    public static IReadOnlyList<Arg> KubeadmArguments(KubeadmConfig config, string hostname)
    {
        ArgumentNullException.ThrowIfNull(config);
        var registration = config.Init.NodeRegistration;
        var arguments = new List<Arg>();
        if (!KubeadmFeatureGates.IsEnabled(config.Cluster.FeatureGates, KubeadmFeatureGates.NodeLocalCriSocket)
            && registration.CriSocket.Length > 0)
        {
            arguments.Add(new Arg("container-runtime-endpoint", registration.CriSocket));
        }

        arguments.Add(new Arg("pod-infra-container-image", ControlPlaneImages.Pause(config.Cluster)));
        var nodeName = NodeName(registration, hostname);
        if (nodeName != hostname)
        {
            arguments.Add(new Arg("hostname-override", nodeName));
        }

        return arguments;
    }

    private static IEnumerable<Arg> TaintArgument(NodeRegistrationOptions registration) =>
        registration.Taints is { Count: > 0 } taints
            ? [new Arg("register-with-taints", string.Join(',', taints.Select(t => $"{t.Key}{(t.Value.Length > 0 ? "=" + t.Value : "")}:{t.Effect}")))]
            : [];

    /// <summary>
    /// The node's name by kubeadm's precedence: the host name, then nodeRegistration.name, then the last
    /// hostname-override in kubeletExtraArgs.
    /// </summary>
    public static string NodeName(NodeRegistrationOptions registration, string hostname)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var nodeName = registration.Name.Length > 0 ? registration.Name : hostname;
        return registration.KubeletExtraArgs.LastOrDefault(arg => arg.Name == "hostname-override")?.Value ?? nodeName;
    }
}
