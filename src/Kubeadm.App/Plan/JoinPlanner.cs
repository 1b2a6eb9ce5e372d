using Kubeadm.App.Init;
using Kubeadm.App.Join;
using Kubeadm.Workflow;

namespace Kubeadm.App.Plan;

/// <summary>
/// `kubeadm join --plan`: runs join's own phases — discovery for real (it only reads cluster-info), then the same
/// decisions as a run (download the shared certificates, reuse or issue this node's certificates, keep or write its
/// kubeconfigs, rewrite a manifest, write the kubelet's files, add the etcd member, mark the node) — against the
/// planning ports, so nothing on the node, in the cluster or in etcd changes, then reports what each would become.
/// </summary>
public static class JoinPlanner
{
    /// <summary>What join phases do besides writing files and objects, for this join (worker or control plane, local mode or not).</summary>
    public static IReadOnlyDictionary<string, string> ActionsFor(bool controlPlane, bool localMode, bool stackedEtcd)
    {
        const string Bootstrap = "waits for the kubelet's TLS bootstrap (then removes bootstrap-kubelet.conf)";
        var actions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["preflight"] = controlPlane
                ? "runs the pre-flight checks and discovery (reads cluster-info), and pulls the control-plane images that are missing"
                : "runs the pre-flight checks and discovery (reads cluster-info)",
            ["kubelet-start"] = localMode ? "stops the kubelet, then starts it again" : $"stops the kubelet, starts it again and {Bootstrap}",
        };
        if (localMode)
        {
            actions["kubelet-wait-bootstrap"] = Bootstrap;
        }

        if (controlPlane)
        {
            actions["wait-control-plane"] = "waits for the control-plane components to be healthy";
            actions["control-plane-join/mark-control-plane"] = "waits for the kubelet to register the Node, then labels and taints it";
        }

        if (controlPlane && stackedEtcd)
        {
            actions["check-etcd"] = "checks that the etcd cluster is healthy (the plan checked it)";
            actions[localMode ? "etcd-join" : "control-plane-join/etcd"] = "adds the etcd member unless it is one already, waits for it to catch up, promotes it and waits for the etcd cluster";
        }

        return actions;
    }

    /// <param name="environment">The host, as for a real run.</param>
    /// <param name="options">The join flags.</param>
    /// <param name="select">Selects the phases to run (the command's --skip-phases rules) once the context exists.</param>
    /// <param name="cancellationToken">Stops the plan.</param>
    public static async Task<NodePlan> PlanAsync(
        InitEnvironment environment, JoinOptions options, Func<PhaseRunner<JoinContext>, JoinContext, PhaseSelection> select, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(select);
        var notYet = new PlanClusterSource(null, "not reached: discovery did not succeed, so the cluster could not be read");
        var session = new PlanSession(notYet, "kubeadm join phase", FlagsToRepeat(options));
        var factory = new JoinContextFactory(environment with { Out = session.Log, Err = session.Log });
        var runner = new PhaseRunner<JoinContext>(PlannedPhaseTree.Wrap(JoinPhaseTree.Create(), session), () => factory.Create(options, session), environment.Clock);
        var context = runner.GetOrCreateContext();
        try
        {
            var result = await runner.RunAsync(select(runner, context), cancellationToken).ConfigureAwait(false);
            var stackedEtcd = context.IsControlPlane && context.Discovered?.Node.Cluster.Etcd.Local is not null;
            var plan = session.Assemble("join", runner.Nodes, result, ActionsFor(context.IsControlPlane, context.LocalMode, stackedEtcd));
            return WithoutRepeatedConflicts(WithRegistrationNote(plan, context.NodeName));
        }
        finally
        {
            if (options.Verbosity >= 1)
            {
                await environment.Err.WriteAsync(session.LogText).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The Node a plan "creates" is registered by the kubelet; the join then marks it.</summary>
    private static NodePlan WithRegistrationNote(NodePlan plan, string nodeName) => plan with
    {
        Items = [.. plan.Items.Select(item => item.Kind == "object" && item.Name == $"nodes {nodeName}" && item.Action == Core.Plan.PlanAction.Create
            ? item with { Reason = "registered by the kubelet once it has started; the join then labels and taints it as a control-plane node" }
            : item)],
    };

    /// <summary>
    /// When discovery fails, every later phase that needs the cluster fails with the same error: the plan lists that
    /// conflict once (at the phase the run would stop at) and says the later phases could not be planned.
    /// </summary>
    public static NodePlan WithoutRepeatedConflicts(NodePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        var repeated = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<PlannedItem>();
        foreach (var item in plan.Items)
        {
            if (item.Action == Core.Plan.PlanAction.Conflict && item.Reason is { } reason && !first.TryAdd(reason, item.Phase))
            {
                repeated.Add(item.Phase);
                continue;
            }

            items.Add(item);
        }

        if (repeated.Count == 0)
        {
            return plan;
        }

        var phases = plan.Phases.Select(phase => repeated.Contains(phase.Name) && !items.Any(i => i.Phase == phase.Name && i.Action == Core.Plan.PlanAction.Conflict)
            ? phase with { State = PhasePlanState.Skipped, Note = "not planned: it needs what the conflict above stops" }
            : phase);
        return plan with { Items = items, Phases = [.. phases] };
    }

    /// <summary>The flags a fix must repeat so the phase it names reads the same configuration and node.</summary>
    private static string FlagsToRepeat(JoinOptions options)
    {
        var flags = options.ConfigPath is { Length: > 0 } config ? $" --config {config}" : " <this join's discovery and node flags>";
        if (options.Rootfs is { Length: > 0 } rootfs && rootfs != "/")
        {
            flags += $" --rootfs {rootfs}";
        }

        return flags;
    }
}
