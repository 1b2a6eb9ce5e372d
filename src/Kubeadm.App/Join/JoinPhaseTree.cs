using System.Collections.Immutable;
using Kubeadm.App.ClusterPhases;
using Kubeadm.App.NodeSetup;
using Kubeadm.Workflow;

namespace Kubeadm.App.Join;

/// <summary>The `kubeadm join` phases of 1.34, in kubeadm's order, with kubeadm's names, help and flags.</summary>
public static class JoinPhaseTree
{
    internal static readonly string[] DiscoveryFlags =
    [
        "discovery-file", "discovery-token", "discovery-token-ca-cert-hash", "discovery-token-unsafe-skip-ca-verification",
        "tls-bootstrap-token", "token",
    ];

    public static ImmutableArray<Phase<JoinContext>> Create() =>
    [
        new()
        {
            Name = "preflight",
            Short = "Run join pre-flight checks",
            Long = "Run pre-flight checks for kubeadm join.",
            Example = "  # Run join pre-flight checks using a config file.\n  kubeadm join phase preflight --config kubeadm-config.yaml",
            InheritFlags = Flags(["apiserver-advertise-address", "apiserver-bind-port", "certificate-key", "config", "control-plane", "cri-socket",
                "dry-run", "ignore-preflight-errors", "node-name", .. DiscoveryFlags]),
            Run = JoinPreflightPhase.RunAsync,
        },
        Group("control-plane-prepare", "Prepare the machine for serving a control plane",
            "  # Prepares the machine for serving a control plane\n  kubeadm join phase control-plane-prepare all",
        [
            Leaf("download-certs", "Download certificates shared among control-plane nodes from the kubeadm-certs Secret",
                ["certificate-key", "config", "control-plane", "dry-run", .. DiscoveryFlags], ControlPlanePreparePhases.DownloadCertsAsync),
            Leaf("certs", "Generate the certificates for the new control plane components",
                ["apiserver-advertise-address", "config", "control-plane", "dry-run", "node-name", .. DiscoveryFlags], ControlPlanePreparePhases.CertsAsync),
            Leaf("kubeconfig", "Generate the kubeconfig for the new control plane components",
                ["certificate-key", "config", "control-plane", "dry-run", .. DiscoveryFlags], ControlPlanePreparePhases.KubeconfigAsync),
            Leaf("control-plane", "Generate the manifests for the new control plane components",
                ["apiserver-advertise-address", "apiserver-bind-port", "config", "control-plane", "dry-run", "patches"], ControlPlanePreparePhases.ControlPlaneAsync),
        ]),
        Leaf("check-etcd", "Check that the local etcd cluster is healthy before adding a new member",
            ["config", "control-plane", "dry-run", .. DiscoveryFlags], JoinEtcdPhases.CheckAsync) with { Hidden = true },
        new()
        {
            Name = "kubelet-start",
            Short = "Write kubelet settings, certificates and (re)start the kubelet",
            Long = "Write a file with KubeletConfiguration and an environment file with node specific kubelet settings, and then (re)start kubelet.",
            InheritFlags = Flags(["config", "cri-socket", "dry-run", "node-name", "patches", .. DiscoveryFlags]),
            Run = JoinKubeletPhases.StartAsync,
        },
        Leaf("etcd-join", "Join etcd for control plane nodes", ["certificate-key", "config", "control-plane", "dry-run", "patches"], JoinEtcdPhases.JoinLocalModeAsync)
            with { Hidden = true },
        Leaf("kubelet-wait-bootstrap", "Wait for the kubelet to bootstrap itself", ["config", "dry-run"], JoinKubeletPhases.WaitBootstrapLocalModeAsync)
            with { Hidden = true },
        Group("control-plane-join", "Join a machine as a control plane instance",
            "  # Joins a machine as a control plane instance\n  kubeadm join phase control-plane-join all",
        [
            Leaf("etcd", "Add a new local etcd member", ["certificate-key", "config", "control-plane", "dry-run", "node-name", "patches"], JoinEtcdPhases.JoinWithoutLocalModeAsync),
            Leaf("mark-control-plane", "Mark a node as a control-plane", ["config", "control-plane", "dry-run", "node-name"], MarkControlPlaneAsync),
        ]),
        Leaf("wait-control-plane", "EXPERIMENTAL: Wait for the control plane to start", ["config", "dry-run"], WaitControlPlaneAsync),
    ];

    private static async Task MarkControlPlaneAsync(JoinContext context, CancellationToken cancellationToken)
    {
        if (!context.IsControlPlane)
        {
            return;
        }

        var node = await context.NodeAsync(cancellationToken).ConfigureAwait(false);
        if (context.Plan is { } plan)
        {
            // The planning cluster (read through the admin.conf the plan made): the Node the kubelet registers is assumed.
            await node.Cluster.GetAsync(cancellationToken).ConfigureAwait(false);
            await plan.AssumeRegisteredNodeAsync(node.Config, cancellationToken).ConfigureAwait(false);
        }
        else if (context.DryRun)
        {
            context.Out.WriteLine($"[mark-control-plane] Would mark node {context.NodeName} as a control-plane");
            return;
        }

        await MarkControlPlanePhase.RunAsync(node, cancellationToken).ConfigureAwait(false);
        await Security.ServingCertificateStep.ApproveOwnAsync(node, context.NodeName, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WaitControlPlaneAsync(JoinContext context, CancellationToken cancellationToken)
    {
        if (!context.IsControlPlane)
        {
            return;
        }

        var node = await context.NodeAsync(cancellationToken).ConfigureAwait(false);
        if (context.DryRun)
        {
            context.Out.WriteLine("[control-plane-check] Would wait for the control plane components to be healthy");
            return;
        }

        await WaitControlPlanePhase.WaitForComponentsAsync(node, cancellationToken).ConfigureAwait(false);
    }

    private static Phase<JoinContext> Group(string name, string shortHelp, string example, ImmutableArray<Phase<JoinContext>> children) => new()
    {
        Name = name,
        Short = shortHelp,
        Example = example,
        Children = ImmutableArray.Create(new Phase<JoinContext>
        {
            Name = "all",
            Short = shortHelp,
            RunAllSiblings = true,
            InheritFlags = Flags([.. children.SelectMany(c => c.InheritFlags)]),
        }).AddRange(children),
    };

    private static Phase<JoinContext> Leaf(string name, string shortHelp, string[] flags, Func<JoinContext, CancellationToken, Task> run) => new()
    {
        Name = name,
        Short = shortHelp,
        InheritFlags = Flags(flags),
        Run = run,
    };

    private static ImmutableArray<string> Flags(IEnumerable<string> flags) => [.. flags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
