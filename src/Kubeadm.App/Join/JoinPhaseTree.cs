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
            Short = "Check that this machine can join and find the cluster",
            Long = "Checks this machine (root, container runtime, free ports, that the files join writes do not exist yet, ...), runs discovery to find and trust the cluster, reads its configuration and, with --control-plane, checks that the cluster can take another control-plane node and runs the control-plane checks.",
            InheritFlags = Flags(["apiserver-advertise-address", "apiserver-bind-port", "certificate-key", "config", "control-plane", "cri-socket",
                "dry-run", "ignore-preflight-errors", "node-name", .. DiscoveryFlags]),
            Run = JoinPreflightPhase.RunAsync,
        },
        Group("control-plane-prepare", "With --control-plane, get this machine ready to run a control plane",
            "  kubeadm join phase control-plane-prepare all <endpoint> --control-plane --certificate-key <key> ...",
        [
            Leaf("download-certs", "Fetch and decrypt the shared CAs and keys from the kubeadm-certs Secret",
                ["certificate-key", "config", "control-plane", "dry-run", .. DiscoveryFlags], ControlPlanePreparePhases.DownloadCertsAsync),
            Leaf("certs", "Generate this node's own control-plane certificates",
                ["apiserver-advertise-address", "config", "control-plane", "dry-run", "node-name", .. DiscoveryFlags], ControlPlanePreparePhases.CertsAsync),
            Leaf("kubeconfig", "Write this node's control-plane kubeconfig files",
                ["certificate-key", "config", "control-plane", "dry-run", .. DiscoveryFlags], ControlPlanePreparePhases.KubeconfigAsync),
            Leaf("control-plane", "Write this node's control-plane static Pod manifests",
                ["apiserver-advertise-address", "apiserver-bind-port", "config", "control-plane", "dry-run", "patches"], ControlPlanePreparePhases.ControlPlaneAsync),
        ]),
        Leaf("check-etcd", "Check that etcd is healthy before a member is added",
            ["config", "control-plane", "dry-run", .. DiscoveryFlags], JoinEtcdPhases.CheckAsync) with { Hidden = true },
        new()
        {
            Name = "kubelet-start",
            Short = "Write the kubelet's configuration, start it and wait for its TLS bootstrap",
            Long = "Writes the bootstrap kubeconfig, the kubelet's configuration and its per-node flags, starts or restarts the kubelet, and waits until its TLS bootstrap has given it a client certificate.",
            InheritFlags = Flags(["config", "cri-socket", "dry-run", "node-name", "patches", .. DiscoveryFlags]),
            Run = JoinKubeletPhases.StartAsync,
        },
        Leaf("etcd-join", "Add this node's etcd member (when the kubelet runs in local mode)", ["certificate-key", "config", "control-plane", "dry-run", "patches"], JoinEtcdPhases.JoinLocalModeAsync)
            with { Hidden = true },
        Leaf("kubelet-wait-bootstrap", "Wait until the kubelet has its client certificate", ["config", "dry-run"], JoinKubeletPhases.WaitBootstrapLocalModeAsync)
            with { Hidden = true },
        Group("control-plane-join", "With --control-plane, make this node a working control-plane node",
            "  kubeadm join phase control-plane-join all --control-plane ...",
        [
            Leaf("etcd", "Add an etcd member on this node to the etcd cluster", ["certificate-key", "config", "control-plane", "dry-run", "node-name", "patches"], JoinEtcdPhases.JoinWithoutLocalModeAsync),
            Leaf("mark-control-plane", "Label and taint this node as control plane", ["config", "control-plane", "dry-run", "node-name"], MarkControlPlaneAsync),
        ]),
        Leaf("wait-control-plane", "With --control-plane, wait until this node's control-plane components are healthy", ["config", "dry-run"], WaitControlPlaneAsync),
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
