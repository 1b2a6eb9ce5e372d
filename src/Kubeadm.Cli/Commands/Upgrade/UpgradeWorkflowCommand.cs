using System.CommandLine;
using Kubeadm.App.Upgrade;
using Kubeadm.Core.Errors;
using Kubeadm.Workflow;

namespace Kubeadm.Cli.Commands.Upgrade;

/// <summary>
/// `kubeadm upgrade apply [version]` and `kubeadm upgrade node`, with their `phase` sub-commands, generated from the
/// phase trees; -o json|yaml prints the structured result on stdout (the console lines then go to stderr).
/// </summary>
public sealed class UpgradeWorkflowCommand
{
    private const string ApplyShort = "Upgrade the first control-plane node, and the cluster's shared settings, to a new version";
    private const string ApplyLong = """
        Upgrade this control-plane node and the cluster-wide parts to [version] (this kubeadm's own version when
        left out): after the version checks and a confirmation (skip it with --yes), etcd and the control-plane
        static Pods are replaced one at a time, each old manifest backed up and put back if the new Pod does not
        come up; then the stored configuration, the kubelet's configuration and the bootstrap-token RBAC rules
        are updated, and the CoreDNS and kube-proxy addons once no other control-plane node runs an older API
        server. Run it on one control-plane node, then "kubeadm upgrade node" on every other node.
        """;

    private const string NodeShort = "Upgrade this node to the version the cluster was upgraded to";
    private const string NodeLong = """
        Upgrade this node after "kubeadm upgrade apply" ran on another control-plane node: on a control-plane
        node its etcd and control-plane static Pods are replaced for the version in the stored
        ClusterConfiguration; on every node the kubelet's configuration is rewritten; on the last control-plane
        node to be upgraded, the CoreDNS and kube-proxy addons follow. Upgrade and restart the kubelet package
        yourself afterwards.
        """;

    private readonly UpgradeCommandContext _context;
    private readonly bool _isApply;
    private readonly UpgradeFlags _flags = new();

    private UpgradeWorkflowCommand(UpgradeCommandContext context, bool isApply)
    {
        _context = context;
        _isApply = isApply;
    }

    public static Command Apply(UpgradeCommandContext context) => new UpgradeWorkflowCommand(context, isApply: true).Create();

    public static Command Node(UpgradeCommandContext context) => new UpgradeWorkflowCommand(context, isApply: false).Create();

    private string Name => _isApply ? "apply" : "node";

    private Command Create()
    {
        var use = _isApply ? "apply [version]" : "node";
        var help = CreateRunner(NoContext).Help(use);
        var command = new Command(Name, _isApply ? ApplyShort : NodeShort);
        _context.Help.Register(command, _isApply
            ? $"{ApplyShort}\n\n{ApplyLong}\n\n{help}"
            : $"{NodeShort}\n\n{NodeLong}\n\n{help}");
        Argument<string[]>? version = null;
        if (_isApply)
        {
            version = new Argument<string[]>("version") { Arity = ArgumentArity.ZeroOrMore, Description = "The Kubernetes version to upgrade to (e.g. v1.34.2)" };
            command.Arguments.Add(version);
        }

        foreach (var option in _isApply ? _flags.ForApply() : _flags.ForNode())
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => _context.RunAsync(parse, () => RunAsync(_flags.Bind(parse, _context.Global, version), parse.GetValue(_flags.Output) ?? "", null, ct)));
        command.Subcommands.Add(CreatePhaseCommand());
        return command;
    }

    private Command CreatePhaseCommand()
    {
        var phase = new Command("phase", FlagHelp.PhaseCommand(Name));
        phase.SetAction(parse => _context.Help.Invoke(parse));
        var commands = new Dictionary<string, Command>(StringComparer.Ordinal);
        foreach (var node in CreateRunner(NoContext).Nodes.Where(n => !n.Phase.Hidden))
        {
            var command = new Command(node.Name, node.Phase.Short);
            var text = node.Phase.Long.Length > 0 ? node.Phase.Long : node.Phase.Short;
            _context.Help.Register(command, node.HasChildren ? $"{text}\n\n{FlagHelp.GroupOnly}" : text);
            foreach (var option in _flags.ForNames(node.Phase.InheritFlags))
            {
                command.Options.Add(option);
            }

            Argument<string[]>? version = null;
            if (_isApply && !node.HasChildren)
            {
                version = new Argument<string[]>("version") { Arity = ArgumentArity.ZeroOrMore };
                command.Arguments.Add(version);
            }

            if (node.HasChildren)
            {
                command.SetAction(parse => _context.Help.Invoke(parse));
            }
            else
            {
                var filter = node.CommandFilter;
                command.SetAction((parse, ct) => _context.RunAsync(parse, () => RunAsync(_flags.Bind(parse, _context.Global, version), "", filter, ct)));
            }

            commands[node.Path] = command;
            (node.Parent is null ? phase : commands[node.Parent.Path]).Subcommands.Add(command);
        }

        return phase;
    }

    private async Task<int> RunAsync(UpgradeOptions options, string format, string? phaseFilter, CancellationToken ct)
    {
        if (format is not ("" or "text" or "json" or "yaml"))
        {
            throw new KubeadmUserException($"invalid value \"{format}\" for flag -o/--output: must be one of text, json, yaml");
        }

        var structured = format is "json" or "yaml";
        var environment = structured ? _context.Environment with { Out = _context.Environment.Err } : _context.Environment;
        var factory = new UpgradeContextFactory(environment);
        var context = await factory.CreateAsync(options, _isApply, ct).ConfigureAwait(false);
        var runner = CreateRunner(() => context);
        PhaseSelection selection;
        try
        {
            selection = phaseFilter is null ? runner.Select([], context.Options.SkipPhases ?? []) : runner.Select([phaseFilter], []);
        }
        catch (UnknownPhaseException e)
        {
            throw new KubeadmUserException(
                $"--skip-phases (or skipPhases in the config): {e.Message}; valid phase names are: {string.Join(", ", e.ValidPhaseNames)}", e);
        }

        WorkflowResult result;
        try
        {
            result = await runner.RunAsync(selection, ct).ConfigureAwait(false);
        }
        catch (PhaseExecutionException e)
        {
            if (context.State is { } state && state.Components.Any(c => c.Files.Count > 0) && !context.DryRun)
            {
                await environment.Err.WriteLineAsync(
                    $"[upgrade] The files replaced so far are backed up in \"{state.Backups.ManifestsBackupDir}\"; re-run the same command to finish the upgrade, or put them back with: sh {state.Backups.RollbackScriptPath}").ConfigureAwait(false);
            }

            if (structured)
            {
                await _context.Environment.Out.WriteAsync(UpgradeResultJson.Render(context, e.Result, e.Message, format)).ConfigureAwait(false);
            }

            throw;
        }

        PhaseTimings.Print(environment.Out, result, options.Verbosity);
        if (phaseFilter is null)
        {
            await environment.Out.WriteAsync(DoneMessage(context)).ConfigureAwait(false);
        }

        if (structured)
        {
            await _context.Environment.Out.WriteAsync(UpgradeResultJson.Render(context, result, null, format)).ConfigureAwait(false);
        }

        return 0;
    }

    private string DoneMessage(UpgradeContext context)
    {
        if (context.DryRun)
        {
            return "[upgrade/successful] Finished dryrunning successfully!\n";
        }

        return _isApply
            ? $"\n[upgrade] SUCCESS! A control plane node of your cluster was upgraded to \"{context.TargetVersion}\".\n\n"
              + "[upgrade] Now please proceed with upgrading the rest of the nodes by following the right order.\n"
            : "[upgrade] The configuration for this node was successfully upgraded!\n"
              + "[upgrade] Now you should go ahead and upgrade the kubelet package using your package manager.\n";
    }

    private PhaseRunner<UpgradeContext> CreateRunner(Func<UpgradeContext> contextFactory) =>
        new(_isApply ? UpgradePhaseTree.CreateApply() : UpgradePhaseTree.CreateNode(), contextFactory, _context.Environment.Clock);

    private static UpgradeContext NoContext() => throw new InvalidOperationException("the phase tree was used without a context");
}
