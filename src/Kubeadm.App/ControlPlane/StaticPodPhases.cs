using System.Collections.Immutable;
using k8s.Models;
using Kubeadm.App.Init;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Host;
using Kubeadm.Workflow;

namespace Kubeadm.App.ControlPlane;

/// <summary>The sub-phases of `kubeadm init phase etcd` and `kubeadm init phase control-plane`.</summary>
public static class StaticPodPhases
{
    public static ImmutableArray<Phase<InitContext>> CreateEtcd() =>
    [
        new Phase<InitContext>
        {
            Name = "local",
            Short = "Write the static Pod manifest of an etcd member on this node",
            Long = "Write the static Pod manifest of an etcd member that runs on this node.\n\n" +
                "The etcd data directory is created (0700) and the manifest is written to " +
                $"{StaticPodWriter.ManifestsDirectory}/etcd.yaml (0600). Skipped when the cluster uses external etcd.",
            InheritFlags = Flags(["cert-dir", "config", "dry-run", "image-repository", "patches"]),
            RunIf = ctx => !ctx.IsExternalEtcd,
            Run = (ctx, _) => RunEtcdLocal(ctx),
        },
    ];

    public static ImmutableArray<Phase<InitContext>> CreateControlPlane()
    {
        var flags = InitPhaseTree.ControlPlaneFlags;
        return
        [
            ControlPlaneLeaf("apiserver", ComponentNames.ApiServer, "Write the kube-apiserver static Pod manifest",
                [.. flags, "apiserver-advertise-address", "apiserver-bind-port", "control-plane-endpoint", "feature-gates", "service-cidr"]),
            ControlPlaneLeaf("controller-manager", ComponentNames.ControllerManager, "Write the kube-controller-manager static Pod manifest",
                [.. flags, "pod-network-cidr"]),
            ControlPlaneLeaf("scheduler", ComponentNames.Scheduler, "Write the kube-scheduler static Pod manifest", flags),
        ];
    }

    /// <summary>What the `control-plane` parent prints before its sub-phases run.</summary>
    public static Task RunControlPlaneParent(InitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Out.WriteLine($"[control-plane] Using manifest folder \"{context.ShownPath(StaticPodWriter.ManifestsDirectory)}\"");
        return Task.CompletedTask;
    }

    /// <summary>
    /// The static Pod of a control-plane component (or local etcd) for the context's configuration, as init writes it
    /// (the API server's hardening files written first under the CIS profile); `upgrade` renders the target's with it.
    /// </summary>
    public static V1Pod BuildPod(InitContext context, string component)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = StaticPodWriter.HostFacts(context);
        if (component == ComponentNames.ApiServer)
        {
            Security.HardeningFilesWriter.Write(context);
        }

        var pod = StaticPodBuilder.Build(context.Config, host, component, message => Warn(context, message));
        return component == ComponentNames.Etcd ? Security.EtcdUserStep.Harden(context, pod) : pod;
    }

    private static Phase<InitContext> ControlPlaneLeaf(string name, string component, string shortHelp, string[] flags) => new()
    {
        Name = name,
        Short = shortHelp,
        Long = $"{shortHelp}.\n\nThe manifest is written to {StaticPodWriter.ManifestsDirectory}/{component}.yaml (0600), " +
            "after the --patches for the \"" + component + "\" target are applied.",
        InheritFlags = Flags(flags),
        Run = (ctx, _) =>
        {
            ctx.Out.WriteLine($"[control-plane] Creating static Pod manifest for \"{component}\"");
            StaticPodWriter.Write(ctx, component, BuildPod(ctx, component));
            return Task.CompletedTask;
        },
    };

    private static Task RunEtcdLocal(InitContext context)
    {
        var dataDir = context.Config.Cluster.Etcd.Local?.DataDir ?? "";
        if (context.DryRun && !context.IsPlan)
        {
            context.Out.WriteLine($"[dryrun] Would ensure that \"{dataDir}\" directory is present");
        }
        else
        {
            context.FileSystem.CreateDirectory(dataDir, FileModes.PrivateDirectory);
        }

        context.Out.WriteLine($"[etcd] Creating static Pod manifest for local etcd in \"{context.ShownPath(StaticPodWriter.ManifestsDirectory)}\"");
        StaticPodWriter.Write(context, ComponentNames.Etcd, BuildPod(context, ComponentNames.Etcd));
        return Task.CompletedTask;
    }

    private static ImmutableArray<string> Flags(IEnumerable<string> flags) => [.. flags.Order(StringComparer.Ordinal)];

    private static void Warn(InitContext context, string message) => context.Err.WriteLine($"WARNING: {message}");
}
