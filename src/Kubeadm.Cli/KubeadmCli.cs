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

    public static RootCommand Create(InitEnvironment environment)
    {
        var global = new GlobalFlags();
        var root = new RootCommand(Description) { global.Rootfs, global.Verbosity };
        var helpOption = root.Options.OfType<HelpOption>().Single();
        var help = new LongHelpAction((HelpAction)helpOption.Action!);
        helpOption.Action = help;
        root.Subcommands.Add(new InitCommand(environment, global, help).Create());
        root.Subcommands.Add(new JoinCommand(environment, global, help).Create());
        root.Subcommands.Add(new CertsCommand(environment, global, help).Create());
        root.Subcommands.Add(new ConfigCommand(environment, global).Create());
        root.Subcommands.Add(KubeconfigCommand.Create(environment, global, help));
        root.Subcommands.Add(new TokenCommand(environment, global, help).Create());
        root.Subcommands.Add(new ResetCommand(environment, global, help).Create());
        root.Subcommands.Add(new UpgradeCommand(environment, global, help).Create());
        root.Subcommands.Add(VersionCommand.Create(environment.Out, global));
        root.Subcommands.Add(CompletionCommand.Create(environment.Out, global, help));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, InitEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = Create(environment);
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
