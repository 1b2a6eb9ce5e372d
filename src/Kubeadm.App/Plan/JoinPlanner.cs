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
    /// <summary>What join phases do besides writing files and objects.</summary>
    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["preflight"] = "runs the pre-flight checks and discovery (reads cluster-info); a control plane also pulls the images that are missing",
        ["check-etcd"] = "checks that the etcd cluster is healthy",
        ["kubelet-start"] = "stops the kubelet, starts it again and waits for its TLS bootstrap (bootstrap-kubelet.conf is removed after it)",
        ["kubelet-wait-bootstrap"] = "waits for the kubelet's TLS bootstrap",
        ["control-plane-join/etcd"] = "waits for the new etcd member to catch up and be promoted",
        ["wait-control-plane"] = "waits for the control-plane components to be healthy",
    };

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
            return session.Assemble("join", runner.Nodes, result, Actions);
        }
        finally
        {
            if (options.Verbosity >= 1)
            {
                await environment.Err.WriteAsync(session.LogText).ConfigureAwait(false);
            }
        }
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
