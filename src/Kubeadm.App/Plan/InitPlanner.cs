using Kubeadm.App.Init;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Host;
using Kubeadm.Workflow;

namespace Kubeadm.App.Plan;

/// <summary>
/// `kubeadm init --plan`: runs init's own phases — the same code, the same decisions (reuse or issue a certificate,
/// keep or write a kubeconfig, rewrite a manifest, create or update an object) — against the planning ports, so
/// nothing on the node or in the cluster changes, then reports what each file and object would become.
/// </summary>
public static class InitPlanner
{
    /// <summary>What init phases do besides writing files and objects.</summary>
    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["preflight"] = "runs the pre-flight checks and pulls the images that are missing",
        ["kubelet-start"] = "stops the kubelet, then starts it again",
        ["wait-control-plane"] = "waits for the kubelet and the control-plane components to be healthy",
        ["show-join-command"] = "prints the join commands",
    };

    /// <param name="environment">The host, as for a real run.</param>
    /// <param name="options">The init flags.</param>
    /// <param name="select">Selects the phases to run (the command's --skip-phases rules) once the context exists.</param>
    /// <param name="cancellationToken">Stops the plan.</param>
    public static async Task<NodePlan> PlanAsync(
        InitEnvironment environment, InitOptions options, Func<PhaseRunner<InitContext>, InitContext, PhaseSelection> select, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(select);
        var host = environment.FileSystemFor(options.Rootfs);
        var admin = options.KubeconfigPath is { Length: > 0 } given ? CommandLinePath.Absolute(given) : KubeadmConstants.AdminKubeConfigFile;
        var superAdmin = Path.Combine(Path.GetDirectoryName(admin) ?? KubeadmConstants.KubernetesDir, "super-admin.conf");
        var source = await PlanClusterSource.ProbeAsync(
            host, [superAdmin, admin], KubeadmConstants.KubernetesApiCallTimeout, environment.Clock, cancellationToken).ConfigureAwait(false);
        var session = new PlanSession(source, "kubeadm init phase", FlagsToRepeat(options));
        var factory = new InitContextFactory(environment with { Out = session.Log, Err = session.Log });
        var runner = new PhaseRunner<InitContext>(PlannedPhaseTree.Wrap(InitPhaseTree.Create(), session), () => factory.Create(options, session), environment.Clock);
        var context = runner.GetOrCreateContext();
        try
        {
            await session.AssumeRegisteredNodeAsync(context.Config, cancellationToken).ConfigureAwait(false);
            var result = await runner.RunAsync(select(runner, context), cancellationToken).ConfigureAwait(false);
            return session.Assemble("init", runner.Nodes, result, Actions);
        }
        finally
        {
            context.Pki.Dispose();
            if (options.Verbosity >= 1)
            {
                await environment.Err.WriteAsync(session.LogText).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The flags a fix must repeat so the phase it names reads the same configuration and node.</summary>
    private static string FlagsToRepeat(InitOptions options)
    {
        var flags = "";
        if (options.ConfigPath is { Length: > 0 } config)
        {
            flags += $" --config {config}";
        }

        if (options.Rootfs is { Length: > 0 } rootfs && rootfs != "/")
        {
            flags += $" --rootfs {rootfs}";
        }

        return flags;
    }
}
