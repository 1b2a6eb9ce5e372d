using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Kubeadm.App.Host;
using Kubeadm.App.Init;
using Kubeadm.Cli.Commands;
using Kubeadm.Cli.Commands.Upgrade;
using Kubeadm.Cli.Parsing;
using Kubeadm.Cli.Completion;

namespace Kubeadm.Cli;

/// <summary>The `kubeadm` command tree, built over an <see cref="InitEnvironment"/> (the real host, or fakes in tests).</summary>
public static class KubeadmCli
{
    private const string Description = """
        kubeadm for .NET: set up a Kubernetes control-plane node with one command.

        It takes the commands, flags and configuration files of kubeadm v1.34 and does the same work:
        certificates, kubeconfig files, static Pod manifests for etcd and the control plane, the kubelet's
        configuration, then the cluster objects (configuration, RBAC, bootstrap token, CoreDNS, kube-proxy).

        First steps:

            See what "init" would write and create, without changing this machine:
                kubeadm init --dry-run

            Set up the control plane on this machine (as root):
                kubeadm init

            Run or repeat a single step, for example the certificates:
                kubeadm init phase certs all

        Undo what "init" did on this machine with "kubeadm reset".
        """;

    /// <summary>The whole command tree.</summary>
    public static RootCommand Create(InitEnvironment environment) => Create(environment, new GlobalFlags(), only: null);

    /// <summary>
    /// The tree one command line needs: the root with only the top-level command the line names (`kubeadm init …`
    /// builds init and nothing else), or the whole tree when it names none (root help, completion, an unknown word).
    /// Building every command's options, phase trees and help for each run cost about 1 MiB and its start-up time.
    /// </summary>
    public static RootCommand CreateFor(InitEnvironment environment, IReadOnlyList<string> args)
    {
        var global = new GlobalFlags();
        return Create(environment, global, TopLevelCommandWord.Find(args, TopLevel.Where(c => c.Alone).SelectMany(c => c.Names), global.Names));
    }

    private static readonly TopLevelCommand[] TopLevel =
    [
        new(["init"], true, (environment, global, help) => new InitCommand(environment, global, help).Create()),
        new(["join"], true, (environment, global, help) => new JoinCommand(environment, global, help).Create()),
        new(["certs", "certificates"], true, (environment, global, help) => new CertsCommand(environment, global, help).Create()),
        new(["config"], true, (environment, global, _) => new ConfigCommand(environment, global).Create()),
        new(["kubeconfig"], true, KubeconfigCommand.Create),
        new(["token"], true, (environment, global, help) => new TokenCommand(environment, global, help).Create()),
        new(["reset"], true, (environment, global, help) => new ResetCommand(environment, global, help).Create()),
        new(["upgrade"], true, (environment, global, help) => new UpgradeCommand(environment, global, help).Create()),
        new(["version"], true, (environment, global, _) => VersionCommand.Create(environment.Out, global)),
        // Completion describes the whole tree, so it never stands alone.
        new(["completion"], false, (environment, global, help) => CompletionCommand.Create(environment.Out, global, help)),
    ];

    private static RootCommand Create(InitEnvironment environment, GlobalFlags global, string? only)
    {
        var root = new RootCommand(Description) { global.Rootfs, global.Verbosity };
        var helpOption = root.Options.OfType<HelpOption>().Single();
        var help = new LongHelpAction((HelpAction)helpOption.Action!);
        helpOption.Action = help;
        foreach (var command in TopLevel.Where(c => only is null || c.Names.Contains(only, StringComparer.Ordinal)))
        {
            root.Subcommands.Add(command.Build(environment, global, help));
        }

        return root;
    }

    private sealed record TopLevelCommand(string[] Names, bool Alone, Func<InitEnvironment, GlobalFlags, LongHelpAction, Command> Build);

    public static async Task<int> RunAsync(string[] args, InitEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return await RunOnTreeAsync(args, environment, CreateFor(environment, args), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a command line against the given tree (<see cref="Create(InitEnvironment)"/> or <see cref="CreateFor"/>).</summary>
    public static async Task<int> RunOnTreeAsync(string[] args, InitEnvironment environment, RootCommand root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(root);
        var normalized = PflagArguments.NormalizeBoolFlags(root, args, out var boolError);
        var parse = root.Parse(normalized);
        var invocation = new InvocationConfiguration { Output = environment.Out, Error = environment.Err };
        if (boolError is not null)
        {
            return await CommandErrors.ReportAsync(environment.Err, boolError).ConfigureAwait(false);
        }

        if (parse.Action is ParseErrorAction)
        {
            if (ParseErrorWording.MissingSubcommand(parse) is { } commandWords)
            {
                await root.Parse([.. commandWords, "--help"]).InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
                return CommandErrors.Failure;
            }

            return await CommandErrors.ReportAsync(environment.Err, ParseErrorWording.Describe(parse)).ConfigureAwait(false);
        }

        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The real host: files under --rootfs, systemd, /proc for host facts.</summary>
    public static InitEnvironment RealHost(TextWriter output, TextWriter error) => new()
    {
        Out = output,
        Err = error,
        FileSystemFor = rootfs => new PhysicalFileSystem(rootfs),
        HostInfoFor = fileSystem => new LinuxHostInfo(fileSystem),
        ServiceManager = () => new SystemctlServiceManager(new ProcessRunner()),
    };
}
