using System.CommandLine;
using Kubeadm.App.Init;
using Kubeadm.App.Plan;
using Kubeadm.Core.Errors;
using Kubeadm.Workflow;

namespace Kubeadm.Cli.Commands;

/// <summary>
/// `kubeadm init` and `kubeadm init phase …`, the phase sub-commands generated from the phase tree as kubeadm's
/// workflow runner does.
/// </summary>
public sealed class InitCommand
{
    private const string InitShort = "Set up this machine as the first control-plane node of a new cluster";
    private const string InitLong = """
        After checking the machine, init writes the certificates, the kubeconfig files and the static Pod
        manifests of etcd and the control plane under /etc/kubernetes, starts the kubelet, which runs them,
        waits until the API server answers, then stores the configuration in the cluster, marks the node as
        control plane, creates a bootstrap token, installs CoreDNS and kube-proxy and prints the
        "kubeadm join" commands for more nodes.

        Each step is a phase (below) that "kubeadm init phase <name>" runs on its own and --skip-phases leaves
        out. Settings come from the flags or from a --config file; --dry-run and --plan change nothing.
        """;

    private readonly InitEnvironment _environment;
    private readonly GlobalFlags _global;
    private readonly InitFlags _flags = new();
    private readonly LongHelpAction _help;

    public InitCommand(InitEnvironment environment, GlobalFlags global, LongHelpAction help)
    {
        _environment = environment;
        _global = global;
        _help = help;
    }

    public Command Create()
    {
        var help = CreateRunner(NoContext).Help("init");
        var init = new Command("init", InitShort);
        _help.Register(init, $"{InitShort}\n\n{InitLong}\n\n{help}");
        foreach (var option in _flags.ForInit())
        {
            init.Options.Add(option);
        }

        var output = new Option<string>("--output", "-o")
        {
            Description = "Output format: text (default), or json/yaml for a structured result (endpoint, CA hashes, token, files, objects, phase timings) on stdout",
        };
        init.Options.Add(output);
        init.Options.Add(_flags.SecurityProfile);
        var plan = new Option<bool>("--plan") { Description = PlanCommandText.InitFlagHelp };
        init.Options.Add(plan);
        init.SetAction((parse, ct) => Execute(
            parse,
            (options, token) => parse.GetValue(plan)
                ? RunPlanAsync(options, parse.GetValue(output) ?? "", token)
                : RunInitAsync(options, parse.GetValue(output) ?? "", token),
            ct));
        init.Subcommands.Add(CreatePhaseCommand());
        return init;
    }

    private Command CreatePhaseCommand()
    {
        var phase = new Command("phase", FlagHelp.PhaseCommand("init"));
        phase.SetAction(PrintHelp);
        var commands = new Dictionary<string, Command>(StringComparer.Ordinal);
        foreach (var node in CreateRunner(NoContext).Nodes.Where(n => !n.Phase.Hidden))
        {
            var command = new Command(node.Name, node.Phase.Short);
            _help.Register(command, Describe(node.Phase));
            foreach (var alias in node.Phase.Aliases)
            {
                command.Aliases.Add(alias);
            }

            foreach (var option in _flags.ForNames(node.Phase.InheritFlags))
            {
                command.Options.Add(option);
            }

            if (node.HasChildren)
            {
                command.SetAction(PrintHelp);
            }
            else
            {
                var filter = node.CommandFilter;
                command.SetAction((parse, ct) => Execute(parse, (options, token) => RunPhaseAsync(options, filter, token), ct));
            }

            commands[node.Path] = command;
            (node.Parent is null ? phase : commands[node.Parent.Path]).Subcommands.Add(command);
        }

        return phase;
    }

    private static string Describe(Phase<InitContext> phase)
    {
        var text = phase.Long.Length > 0 ? phase.Long : phase.Short;
        return phase.Children.IsEmpty ? text : $"{text}\n\n{FlagHelp.GroupOnly}";
    }

    private int PrintHelp(ParseResult parse) => _help.Invoke(parse);

    private Task<int> Execute(ParseResult parse, Func<InitOptions, CancellationToken, Task<int>> body, CancellationToken ct)
    {
        var verbosity = parse.GetValue(_global.Verbosity);
        return CommandErrors.RunAsync(_environment.Err, verbosity, () => body(_flags.Bind(parse, _global), ct));
    }

    private async Task<int> RunInitAsync(InitOptions options, string format, CancellationToken ct)
    {
        if (format is not ("" or "text" or "json" or "yaml"))
        {
            throw new KubeadmUserException($"invalid value \"{format}\" for flag -o/--output: must be one of text, json, yaml");
        }

        // With -o json|yaml the structured result is stdout's only content; the phases' log goes to stderr.
        var structured = format is "json" or "yaml";
        var environment = structured ? _environment with { Out = _environment.Err } : _environment;
        var factory = new InitContextFactory(environment);
        var runner = CreateRunner(() => factory.Create(options));

        // Bad --skip-phases names are reported before anything is loaded; names from the config file after.
        if (options.SkipPhases is { } fromFlag)
        {
            SelectSkipping(runner, fromFlag);
        }

        var context = runner.GetOrCreateContext();
        var selection = SelectSkipping(runner, context.Config.Init.SkipPhases);
        WorkflowResult result;
        try
        {
            InitKeys.StartFor(context, selection);
            result = await runner.RunAsync(selection, ct).ConfigureAwait(false);
        }
        catch (PhaseExecutionException e) when (structured)
        {
            await _environment.Out.WriteAsync(InitResultWriter.Render(InitResultBuilder.Build(context, e.Result, e.Message), format)).ConfigureAwait(false);
            throw;
        }
        finally
        {
            context.Pki.Dispose();
        }

        PhaseTimings.Print(environment.Out, result, options.Verbosity);
        if (structured)
        {
            await _environment.Out.WriteAsync(InitResultWriter.Render(InitResultBuilder.Build(context, result, null), format)).ConfigureAwait(false);
        }
        else
        {
            await _environment.Out.WriteLineAsync(InitResultWriter.TimingSummary(result.Phases)).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>`init --plan`: what the run would do, nothing changed; exit 0 when it could proceed, 2 on a conflict.</summary>
    private async Task<int> RunPlanAsync(InitOptions options, string format, CancellationToken ct)
    {
        PlanCommandText.CheckFlags(options.DryRun, format);
        if (options.SkipPhases is { } fromFlag)
        {
            SelectSkipping(CreateRunner(NoContext), fromFlag);
        }

        var plan = await InitPlanner.PlanAsync(_environment, options, (runner, context) => SelectSkipping(runner, context.Config.Init.SkipPhases), ct)
            .ConfigureAwait(false);
        return await PlanCommandText.WriteAsync(_environment.Out, plan, format).ConfigureAwait(false);
    }

    private static PhaseSelection SelectSkipping(PhaseRunner<InitContext> runner, IReadOnlyCollection<string> skip)
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

    private async Task<int> RunPhaseAsync(InitOptions options, string filter, CancellationToken ct)
    {
        var factory = new InitContextFactory(_environment);
        var runner = CreateRunner(() => factory.Create(options));
        var selection = runner.Select([filter], []);
        var context = runner.GetOrCreateContext();
        WorkflowResult result;
        try
        {
            InitKeys.StartFor(context, selection);
            result = await runner.RunAsync(selection, ct).ConfigureAwait(false);
        }
        finally
        {
            context.Pki.Dispose();
        }

        PhaseTimings.Print(_environment.Out, result, options.Verbosity);
        return 0;
    }

    private PhaseRunner<InitContext> CreateRunner(Func<InitContext> contextFactory) =>
        new(InitPhaseTree.Create(), contextFactory, _environment.Clock);

    /// <summary>Help and command generation only read the tree; they must never load configuration.</summary>
    private static InitContext NoContext() => throw new InvalidOperationException("the phase tree was used without a context");
}
