using System.CommandLine;
using Kubeadm.App.Init;
using Kubeadm.App.Reset;
using Kubeadm.Cli.Commands.Reset;
using Kubeadm.Core.Errors;
using Kubeadm.Workflow;

namespace Kubeadm.Cli.Commands;

/// <summary>`kubeadm reset` and `kubeadm reset phase preflight|remove-etcd-member|cleanup-node`.</summary>
public sealed class ResetCommand
{
    private const string ResetShort = "Undo on this machine what \"kubeadm init\" or \"kubeadm join\" set up";
    private const string ResetLong = """
        It takes this machine back to where it was before "kubeadm init" or "kubeadm join", as far as that can
        be done: after a confirmation (skip it with --force), the kubelet is stopped, volumes mounted under
        /var/lib/kubelet are unmounted, the Pods' containers are removed through the container runtime, a
        stacked etcd member leaves its cluster and its data is deleted, and the files kubeadm wrote under
        /etc/kubernetes (manifests, certificates, kubeconfig files) and /var/lib/kubelet are deleted.

        Some things are left for you: iptables/IPVS rules, the CNI configuration in /etc/cni/net.d and
        $HOME/.kube/config; the end of the run points to how to clean them up. On a node of a
        cluster that goes on, remove the Node object with kubectl as well.
        """;

    private readonly InitEnvironment _environment;
    private readonly GlobalFlags _global;
    private readonly ResetFlags _flags = new();
    private readonly LongHelpAction _help;

    public ResetCommand(InitEnvironment environment, GlobalFlags global, LongHelpAction help)
    {
        _environment = environment;
        _global = global;
        _help = help;
    }

    public Command Create()
    {
        var reset = new Command("reset", ResetShort);
        _help.Register(reset, $"{ResetShort}\n\n{ResetLong}\n\n{CreateRunner(NoContext).Help("reset")}");
        foreach (var option in _flags.ForReset())
        {
            reset.Options.Add(option);
        }

        reset.SetAction((parse, ct) => Execute(parse, (options, token) => RunAsync(options, null, token), ct));
        var phase = new Command("phase", FlagHelp.PhaseCommand("reset"));
        phase.SetAction(_help.Invoke);
        foreach (var node in CreateRunner(NoContext).Nodes.Where(n => !n.Phase.Hidden))
        {
            var command = new Command(node.Name, node.Phase.Short);
            _help.Register(command, node.Phase.Long.Length > 0 ? node.Phase.Long : node.Phase.Short);
            foreach (var alias in node.Phase.Aliases)
            {
                command.Aliases.Add(alias);
            }

            foreach (var option in _flags.ForNames(node.Phase.InheritFlags))
            {
                command.Options.Add(option);
            }

            var filter = node.CommandFilter;
            command.SetAction((parse, ct) => Execute(parse, (options, token) => RunAsync(options, filter, token), ct));
            phase.Subcommands.Add(command);
        }

        reset.Subcommands.Add(phase);
        return reset;
    }

    private Task<int> Execute(ParseResult parse, Func<ResetOptions, CancellationToken, Task<int>> body, CancellationToken ct) =>
        CommandErrors.RunAsync(_environment.Err, parse.GetValue(_global.Verbosity), () => body(_flags.Bind(parse, _global), ct));

    /// <param name="options">The command line.</param>
    /// <param name="phaseFilter">The phase of `reset phase …`, or null for the whole workflow.</param>
    /// <param name="ct">Cancellation.</param>
    private async Task<int> RunAsync(ResetOptions options, string? phaseFilter, CancellationToken ct)
    {
        // Bad --skip-phases names are reported before anything is read; names from the config file after.
        if (phaseFilter is null && options.SkipPhases is { } fromFlag)
        {
            SelectSkipping(CreateRunner(NoContext), fromFlag);
        }

        var context = await new ResetContextFactory(_environment).CreateAsync(options, ct).ConfigureAwait(false);
        var runner = CreateRunner(() => context);
        var selection = phaseFilter is null ? SelectSkipping(runner, context.SkipPhases) : runner.Select([phaseFilter], []);
        WorkflowResult result;
        try
        {
            result = await runner.RunAsync(selection, ct).ConfigureAwait(false);
        }
        finally
        {
            ResetPhaseTree.PrintUnfinished(context);
        }

        PhaseTimings.Print(_environment.Out, result, options.Verbosity);
        if (phaseFilter is null)
        {
            await _environment.Out.WriteAsync(ResetPhaseTree.ManualCleanupInstructions).ConfigureAwait(false);
        }

        return 0;
    }

    private static PhaseSelection SelectSkipping(PhaseRunner<ResetContext> runner, IReadOnlyCollection<string> skip)
    {
        try
        {
            return runner.Select([], skip);
        }
        catch (UnknownPhaseException e)
        {
            throw new KubeadmUserException(
                $"--skip-phases (or skipPhases in the config): {e.Message}; valid phase names are: {string.Join(", ", e.ValidPhaseNames)}", e);
        }
    }

    private PhaseRunner<ResetContext> CreateRunner(Func<ResetContext> contextFactory) =>
        new(ResetPhaseTree.Create(), contextFactory, _environment.Clock);

    /// <summary>Help and command generation only read the tree; they must never read configuration.</summary>
    private static ResetContext NoContext() => throw new InvalidOperationException("the phase tree was used without a context");
}
