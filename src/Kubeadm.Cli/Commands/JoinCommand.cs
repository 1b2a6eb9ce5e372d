using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubeadm.App.Init;
using Kubeadm.App.Join;
using Kubeadm.App.Plan;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Join;
using Kubeadm.Workflow;

namespace Kubeadm.Cli.Commands;

/// <summary>`kubeadm join [api-server-endpoint]` and `kubeadm join phase …`, generated from the join phase tree.</summary>
public sealed class JoinCommand
{
    private const string JoinShort = "Join this machine to an existing cluster, as a worker or as another control-plane node";
    private const string JoinLong = """
        The cluster is one set up by "kubeadm init". Trust is built both ways, in this order: the node
        first decides to trust the cluster (discovery), then the cluster learns to trust the node (TLS
        bootstrap), and the kubelet gets its own client certificate.

        Discovery takes one of two forms, never both:

          by token:  kubeadm join 10.0.0.10:6443 --discovery-token <token> --discovery-token-ca-cert-hash sha256:<hex>
                     Reads the cluster-info ConfigMap from that API server and accepts it only if the token signs
                     it. The CA it names must match a --discovery-token-ca-cert-hash: the SHA-256 of the CA
                     certificate's public key (its Subject Public Key Info), printed by "kubeadm init" and
                     "kubeadm token create --print-join-command". Give the flag several times to accept any of
                     several CAs. --discovery-token-unsafe-skip-ca-verification drops this check: then anyone who
                     knows the token (every node that joined with it does) could pose as the cluster.

          by file:   kubeadm join --discovery-file /path/to/cluster.conf
                     kubeadm join --discovery-file https://host/cluster.conf
                     A kubeconfig file naming the API server and its CA. A URL must be https; its server
                     certificate is checked against this machine's CA bundle.

        TLS bootstrap authenticates with --tls-bootstrap-token, sends a certificate signing request for a
        key made on this machine, and gets back the kubelet's client certificate (a kubeadm cluster
        approves these requests on its own). Without a TLS bootstrap token, the credentials in the
        discovery file are used. --token sets both tokens when they are the same, which is the usual case.

        With --control-plane the machine also becomes a control-plane node: --certificate-key (printed by
        "kubeadm init --upload-certs") decrypts the shared certificates from the kubeadm-certs Secret,
        then the node writes its own certificates, kubeconfig files and static Pod manifests, and, with
        stacked etcd, adds a local etcd member.
        """;

    private readonly InitEnvironment _environment;
    private readonly GlobalFlags _global;
    private readonly JoinFlags _flags = new();
    private readonly LongHelpAction _help;

    public JoinCommand(InitEnvironment environment, GlobalFlags global, LongHelpAction help)
    {
        _environment = environment;
        _global = global;
        _help = help;
    }

    public Command Create()
    {
        var help = CreateRunner(NoContext).Help("join [api-server-endpoint]");
        var join = new Command("join", JoinShort);
        _help.Register(join, $"{JoinShort}\n\n{JoinLong}\n\n{help}");
        var endpoint = new Argument<string[]>("api-server-endpoint") { Arity = ArgumentArity.ZeroOrMore, Description = "host:port of the API server to discover the cluster from" };
        join.Arguments.Add(endpoint);
        foreach (var option in _flags.ForJoin())
        {
            join.Options.Add(option);
        }

        var output = new Option<string>("--output", "-o")
        {
            Description = "Output format: text (default), or json/yaml for a structured result (node, role, endpoint, phase outcomes and timings) on stdout",
        };
        join.Options.Add(output);
        join.Options.Add(_flags.SecurityProfile);
        var plan = new Option<bool>("--plan") { Description = PlanCommandText.JoinFlagHelp };
        join.Options.Add(plan);
        join.SetAction((parse, ct) => Execute(
            parse,
            () => _flags.Bind(parse, _global, endpoint),
            (options, token) => parse.GetValue(plan)
                ? RunPlanAsync(options, parse.GetValue(output) ?? "", token)
                : RunJoinAsync(options, parse.GetValue(output) ?? "", token),
            ct));
        join.Subcommands.Add(CreatePhaseCommand());
        return join;
    }

    private Command CreatePhaseCommand()
    {
        var phase = new Command("phase", FlagHelp.PhaseCommand("join"));
        phase.SetAction(parse => _help.Invoke(parse));
        var commands = new Dictionary<string, Command>(StringComparer.Ordinal);
        foreach (var node in CreateRunner(NoContext).Nodes.Where(n => !n.Phase.Hidden))
        {
            var command = new Command(node.Name, node.Phase.Short);
            _help.Register(command, Describe(node.Phase));
            var flags = node.Phase.InheritFlags;
            foreach (var option in _flags.ForNames(flags))
            {
                command.Options.Add(option);
            }

            Argument<string[]>? endpoint = null;
            if (flags.Contains("discovery-token"))
            {
                endpoint = new Argument<string[]>("api-server-endpoint") { Arity = ArgumentArity.ZeroOrMore };
                command.Arguments.Add(endpoint);
            }

            if (node.HasChildren)
            {
                command.SetAction(parse => _help.Invoke(parse));
            }
            else
            {
                var filter = node.CommandFilter;
                var hasDiscovery = endpoint is not null;
                command.SetAction((parse, ct) => Execute(
                    parse,
                    () => ForPhase(_flags.Bind(parse, _global, endpoint), hasDiscovery),
                    (options, token) => RunPhaseAsync(options, filter, token),
                    ct));
            }

            commands[node.Path] = command;
            (node.Parent is null ? phase : commands[node.Parent.Path]).Subcommands.Add(command);
        }

        return phase;
    }

    /// <summary>A phase without discovery flags works from this node's admin.conf, as kubeadm's phase commands do.</summary>
    private static JoinOptions ForPhase(JoinOptions options, bool hasDiscoveryFlags)
    {
        if (hasDiscoveryFlags || options.ConfigPath is not null)
        {
            return options;
        }

        var admin = Path.Combine(options.Rootfs, KubeadmConstants.AdminKubeConfigFile.TrimStart('/'));
        if (!File.Exists(admin))
        {
            throw new KubeadmUserException(
                $"File {KubeadmConstants.AdminKubeConfigFile} does not exists. Please use 'kubeadm join phase control-plane-prepare' subcommands to generate it.");
        }

        return options with { DiscoveryFile = admin };
    }

    private static string Describe(Phase<JoinContext> phase)
    {
        var text = phase.Long.Length > 0 ? phase.Long : phase.Short;
        return phase.Children.IsEmpty ? text : $"{text}\n\n{FlagHelp.GroupOnly}";
    }

    private Task<int> Execute(ParseResult parse, Func<JoinOptions> bind, Func<JoinOptions, CancellationToken, Task<int>> body, CancellationToken ct) =>
        CommandErrors.RunAsync(_environment.Err, parse.GetValue(_global.Verbosity), () => body(bind(), ct));

    private async Task<int> RunJoinAsync(JoinOptions options, string format, CancellationToken ct)
    {
        if (format is not ("" or "text" or "json" or "yaml"))
        {
            throw new KubeadmUserException($"invalid value \"{format}\" for flag -o/--output: must be one of text, json, yaml");
        }

        var structured = format is "json" or "yaml";
        var environment = structured ? _environment with { Out = _environment.Err } : _environment;
        var factory = new JoinContextFactory(environment);
        var runner = new PhaseRunner<JoinContext>(JoinPhaseTree.Create(), () => factory.Create(options), _environment.Clock);
        if (options.SkipPhases is { } fromFlag)
        {
            SelectSkipping(runner, fromFlag);
        }

        var context = runner.GetOrCreateContext();
        WorkflowResult result;
        try
        {
            result = await runner.RunAsync(SelectSkipping(runner, options.SkipPhases ?? context.Join.SkipPhases), ct).ConfigureAwait(false);
        }
        catch (PhaseExecutionException e) when (structured)
        {
            await _environment.Out.WriteAsync(Render(context, e.Result, e.Message, format)).ConfigureAwait(false);
            throw;
        }

        PhaseTimings.Print(environment.Out, result, options.Verbosity);
        var message = context.IsControlPlane
            ? JoinDoneMessage.ControlPlane(stackedEtcd: (await context.NodeAsync(ct).ConfigureAwait(false)).Config.Cluster.Etcd.Local is not null)
            : JoinDoneMessage.Worker();
        await environment.Out.WriteAsync(message).ConfigureAwait(false);
        if (structured)
        {
            await _environment.Out.WriteAsync(Render(context, result, null, format)).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>`join --plan`: what the join would do, nothing changed; exit 0 when it could proceed, 2 on a conflict.</summary>
    private async Task<int> RunPlanAsync(JoinOptions options, string format, CancellationToken ct)
    {
        PlanCommandText.CheckFlags(options.DryRun, format);
        if (options.SkipPhases is { } fromFlag)
        {
            SelectSkipping(CreateRunner(NoContext), fromFlag);
        }

        var plan = await JoinPlanner.PlanAsync(_environment, options, (runner, context) => SelectSkipping(runner, options.SkipPhases ?? context.Join.SkipPhases), ct)
            .ConfigureAwait(false);
        return await PlanCommandText.WriteAsync(_environment.Out, plan, format).ConfigureAwait(false);
    }

    private static PhaseSelection SelectSkipping(PhaseRunner<JoinContext> runner, IReadOnlyCollection<string> skip)
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

    private async Task<int> RunPhaseAsync(JoinOptions options, string filter, CancellationToken ct)
    {
        var factory = new JoinContextFactory(_environment);
        var runner = new PhaseRunner<JoinContext>(JoinPhaseTree.Create(), () => factory.Create(options), _environment.Clock);
        var result = await runner.RunAsync(runner.Select([filter], []), ct).ConfigureAwait(false);
        PhaseTimings.Print(_environment.Out, result, options.Verbosity);
        return 0;
    }

    /// <summary>`join -o json|yaml`: which node joined as what, through which endpoint, and how each phase went.</summary>
    internal static string Render(JoinContext context, WorkflowResult result, string? error, string format)
    {
        var json = new JsonObject
        {
            ["nodeName"] = context.NodeName,
            ["role"] = context.IsControlPlane ? "control-plane" : "worker",
            ["apiServerEndpoint"] = context.Join.Discovery.BootstrapToken?.ApiServerEndpoint ?? context.Join.Discovery.File?.KubeConfigPath,
            ["dryRun"] = context.DryRun,
            ["succeeded"] = error is null,
        };
        if (error is not null)
        {
            json["error"] = error;
        }

        if (context.IsControlPlane)
        {
            json["advertiseAddress"] = context.Join.ControlPlane!.LocalApiEndpoint.AdvertiseAddress;
            json["bindPort"] = context.Join.ControlPlane.LocalApiEndpoint.BindPort;
        }

        json["filesWritten"] = new JsonArray([.. context.Journal.FilesWritten.Select(f => (JsonNode?)JsonValue.Create(f))]);
        json["phases"] = new JsonArray([.. result.Phases.Select(p => (JsonNode?)new JsonObject
        {
            ["name"] = p.Path,
            ["outcome"] = p.Outcome.ToString(),
            ["durationSeconds"] = Math.Round(p.Duration.TotalSeconds, 3),
        })]);
        return format == "yaml" ? JsonYamlWriter.Write(json) : json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private PhaseRunner<JoinContext> CreateRunner(Func<JoinContext> contextFactory) => new(JoinPhaseTree.Create(), contextFactory, _environment.Clock);

    private static JoinContext NoContext() => throw new InvalidOperationException("the phase tree was used without a context");
}
