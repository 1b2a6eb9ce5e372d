using k8s.Models;
using Kubeadm.App.Init;
using Kubeadm.Core.Constants;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Host;

namespace Kubeadm.App.ControlPlane;

/// <summary>
/// Writes a static pod manifest the way kubeadm does: the user's patches for the component applied first, the manifests
/// directory created 0700, the YAML written 0600 (atomically, replacing any earlier manifest).
/// </summary>
public static class StaticPodWriter
{
    public static string ManifestsDirectory => KubeadmConstants.ManifestsDir;

    public static void Write(InitContext context, string component, V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(context);
        var manifest = Render(context, component, pod);
        context.FileSystem.CreateDirectory(ManifestsDirectory, FileModes.PrivateDirectory);
        context.FileSystem.WriteAllText(ComponentNames.ManifestPath(ManifestsDirectory, component), manifest, FileModes.Private);
    }

    /// <summary>The manifest text kubeadm writes for the Pod: the component's --patches applied, as YAML.</summary>
    public static string Render(InitContext context, string component, V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(context);
        return StaticPodSerializer.ToYaml(context.Patches.Apply(component, StaticPodSerializer.ToJsonObject(pod)));
    }

    /// <summary>The host facts the control-plane pods depend on, read through the run's file system and environment.</summary>
    public static StaticPodHostFacts HostFacts(InitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return StaticPodHostFacts.Read(context.FileSystem, context.Config.Cluster.CertificatesDir, context.GetEnvironmentVariable);
    }
}
