using System.CommandLine;
using System.CommandLine.Help;
using Kubeadm.App.Host;
using Kubeadm.App.Init;
using Kubeadm.Cli.Commands;

namespace Kubeadm.Cli;

/// <summary>The `kubeadm` command tree, built over an <see cref="InitEnvironment"/> (the real host, or fakes in tests).</summary>
public static class KubeadmCli
{
    private const string Description = """
        ┌──────────────────────────────────────────────────────────┐
        │ KUBEADM                                                  │
        │ Easily bootstrap a secure Kubernetes cluster             │
        │                                                          │
        │ Please give us feedback at:                              │
        │ https://github.com/kubernetes/kubeadm/issues             │
        └──────────────────────────────────────────────────────────┘

        Example usage:

            Create a two-machine cluster with one control-plane node
            (which controls the cluster), and one worker node
            (where your workloads, like Pods and Deployments run).

            ┌──────────────────────────────────────────────────────────┐
            │ On the first machine:                                    │
            ├──────────────────────────────────────────────────────────┤
            │ control-plane# kubeadm init                              │
            └──────────────────────────────────────────────────────────┘

        (This is kubeadm for .NET: kubeadm's commands, flags and config files, re-implemented in C#.)
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
        root.Subcommands.Add(new TokenCommand(environment, global).Create());
        root.Subcommands.Add(new ResetCommand(environment, global, help).Create());
        root.Subcommands.Add(VersionCommand.Create(environment.Out, global));
        return root;
    }

    public static Task<int> RunAsync(string[] args, InitEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var parse = Create(environment).Parse(args);
        return parse.InvokeAsync(new InvocationConfiguration { Output = environment.Out, Error = environment.Err }, cancellationToken);
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
