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
        Group("certs", "Certificate generation", "Generate all certificates", CertsPhases.Create()) with { Run = CertsPhases.RunParent },
        Group("kubeconfig", "Generate all kubeconfig files necessary to establish the control plane and the admin kubeconfig file",
            "Generate all kubeconfig files", KubeconfigPhases.Create()) with { Run = KubeconfigPhases.AnnounceFolder },
        Group("etcd", "Generate static Pod manifest file for local etcd", null, StaticPodPhases.CreateEtcd()),
        Group("control-plane", "Generate all static Pod manifest files necessary to establish the control plane",
            "Generate all static Pod manifest files", StaticPodPhases.CreateControlPlane()) with { Run = StaticPodPhases.RunControlPlaneParent },
        KubeletStartPhase.Create(),
        ControlPlaneStatePhases.CreateWaitControlPlane(),
        Group("upload-config", "Upload the kubeadm and kubelet configuration to a ConfigMap", "Upload all configuration to a config map",
            ControlPlaneStatePhases.CreateUploadConfig()),
        ControlPlaneStatePhases.CreateUploadCerts(),
        NodePhases.CreateMarkControlPlane(),
        NodePhases.CreateBootstrapToken(),
        Group("kubelet-finalize", "Updates settings relevant to the kubelet after TLS bootstrap", "Run all kubelet-finalize phases",
            NodePhases.CreateKubeletFinalize()),
        Group("addon", "Install required addons for passing conformance tests", "Install all the addons", AddonPhases.Create()),
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
            Long = $"{shortHelp}.",
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
