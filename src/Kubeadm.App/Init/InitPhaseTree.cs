using System.Collections.Immutable;
using Kubeadm.App.Addons;
using Kubeadm.App.NodeSetup;
using Kubeadm.App.Certs;
using Kubeadm.App.ClusterPhases;
using Kubeadm.App.ControlPlane;
using Kubeadm.App.Kubelet;
using Kubeadm.App.KubeConfig;
using Kubeadm.App.Preflight;
using Kubeadm.Workflow;

namespace Kubeadm.App.Init;

/// <summary>
/// The `kubeadm init` phases, in kubeadm's order, declared as data; each phase's work lives in its own folder.
/// </summary>
public static class InitPhaseTree
{
    internal static readonly string[] CertFlags = ["cert-dir", "config", "dry-run", "kubernetes-version"];
    internal static readonly string[] ApiServerCertFlags =
        [.. CertFlags, "apiserver-advertise-address", "apiserver-cert-extra-sans", "control-plane-endpoint", "node-name", "service-cidr", "service-dns-domain"];
    internal static readonly string[] EtcdCertFlags = [.. CertFlags, "apiserver-advertise-address", "node-name"];
    internal static readonly string[] KubeconfigFlags =
        ["apiserver-advertise-address", "apiserver-bind-port", "cert-dir", "config", "control-plane-endpoint", "dry-run", "kubeconfig-dir", "kubernetes-version"];
    internal static readonly string[] ControlPlaneFlags = ["cert-dir", "config", "dry-run", "image-repository", "kubernetes-version", "patches"];
    internal static readonly string[] ClusterApiFlags = ["config", "dry-run", "kubeconfig"];
    internal static readonly string[] AddonFlags = [.. ClusterApiFlags, "image-repository", "kubernetes-version"];

    public static ImmutableArray<Phase<InitContext>> Create() =>
    [
        PreflightPhase.Create(),
        Group("certs", "Generate the cluster's CAs, certificates and keys", "Generate every certificate and key below", CertsPhases.Create()) with { Run = CertsPhases.RunParent },
        Group("kubeconfig", "Write the kubeconfig files of the control-plane components, the kubelet and the administrators",
            "Write every kubeconfig file below", KubeconfigPhases.Create()) with { Run = KubeconfigPhases.AnnounceFolder },
        Group("etcd", "Write the static Pod manifest of a local etcd", null, StaticPodPhases.CreateEtcd()),
        Group("control-plane", "Write the static Pod manifests of the API server, controller manager and scheduler",
            "Write all three manifests", StaticPodPhases.CreateControlPlane()) with { Run = StaticPodPhases.RunControlPlaneParent },
        KubeletStartPhase.Create(),
        ControlPlaneStatePhases.CreateWaitControlPlane(),
        Group("upload-config", "Store the kubeadm and kubelet configuration in ConfigMaps of the cluster", "Store both configurations",
            ControlPlaneStatePhases.CreateUploadConfig()),
        ControlPlaneStatePhases.CreateUploadCerts(),
        NodePhases.CreateMarkControlPlane(),
        NodePhases.CreateBootstrapToken(),
        Group("kubelet-finalize", "Adjust the kubelet's settings once it has its own client certificate", "Run every kubelet-finalize step",
            NodePhases.CreateKubeletFinalize()),
        Group("addon", "Install the CoreDNS and kube-proxy addons", "Install both addons", AddonPhases.Create()),
        NodePhases.CreateShowJoinCommand(),
    ];

    /// <summary>A parent phase; with <paramref name="allShort"/> it gets kubeadm's `all` sub-phase first.</summary>
    private static Phase<InitContext> Group(string name, string shortHelp, string? allShort, ImmutableArray<Phase<InitContext>> children)
    {
        var all = allShort is null
            ? []
            : ImmutableArray.Create(new Phase<InitContext>
            {
                Name = "all",
                Short = allShort,
                RunAllSiblings = true,
                InheritFlags = [.. children.SelectMany(c => c.InheritFlags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            });
        return new Phase<InitContext>
        {
            Name = name,
            Short = shortHelp,
            Children = all.AddRange(children),
        };
    }

    /// <summary>A phase with no sub-phases; its inherited flags are listed sorted, as kubeadm's help does.</summary>
    internal static Phase<InitContext> Leaf(string name, string shortHelp, string[] flags, Func<InitContext, CancellationToken, Task> run) => new()
    {
        Name = name,
        Short = shortHelp,
        InheritFlags = [.. flags.Order(StringComparer.Ordinal)],
        Run = run,
    };

    /// <summary>A run-if that also tells the user why the phase did nothing, as kubeadm does.</summary>
    internal static bool SkipUnless(InitContext context, bool condition, string message)
    {
        if (!condition)
        {
            context.Out.WriteLine(message);
        }

        return condition;
    }
}
