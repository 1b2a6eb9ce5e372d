using Kubeadm.Core.Configuration;
using Kubeadm.Core.ControlPlane;

namespace Kubeadm.Core.Upgrade;

/// <summary>
/// What `kubeadm upgrade diff` compares: the API server, controller-manager and scheduler manifests init's builders
/// write for a configuration (no patches, as kubeadm's diff), against the files on the node.
/// </summary>
public static class ControlPlaneManifestDiff
{
    /// <summary>The components diffed, in the order they are printed.</summary>
    public static IReadOnlyList<string> Components { get; } = [ComponentNames.ApiServer, ComponentNames.ControllerManager, ComponentNames.Scheduler];

    /// <summary>The manifest text init would write for <paramref name="component"/> with <paramref name="config"/> (already at the target version).</summary>
    public static string Render(KubeadmConfig config, StaticPodHostFacts host, string component, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(host);
        if (!Components.Contains(component))
        {
            throw new ArgumentException($"upgrade diff compares only {string.Join(", ", Components)}, not \"{component}\"", nameof(component));
        }

        var pod = StaticPodBuilder.Build(config, host, component, warn);
        return StaticPodSerializer.ToYaml(StaticPodSerializer.ToJsonObject(pod));
    }

    /// <summary>The unified diff of the current file against the new manifest ("" when they are equal).</summary>
    public static string Diff(string currentPath, string currentText, string newText, int contextLines) =>
        UnifiedDiff.Format(currentText, newText, currentPath, "new manifest", contextLines);
}
