using System.CommandLine;
using Kubeadm.App.ClusterApi;
using Kubeadm.App.Init;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Host;

namespace Kubeadm.Cli.Commands.Upgrade;

/// <summary>What the `kubeadm upgrade` sub-commands share: the host, the global flags, the help registry and the API client.</summary>
public sealed class UpgradeCommandContext
{
    public UpgradeCommandContext(InitEnvironment environment, GlobalFlags global, LongHelpAction help)
    {
        Environment = environment;
        Global = global;
        Help = help;
    }

    public InitEnvironment Environment { get; }

    public GlobalFlags Global { get; }

    public LongHelpAction Help { get; }

    /// <summary>A fresh --kubeconfig option (each sub-command owns its own, as kubeadm's do).</summary>
    public static Option<string> KubeconfigOption() => new("--kubeconfig")
    {
        Description = FlagHelp.KubeconfigAdmin,
        HelpName = "string",
    };

    /// <summary>A fresh --config option for a kubeadm configuration file.</summary>
    public static Option<string> ConfigOption() => new("--config")
    {
        Description = FlagHelp.Config,
        HelpName = "string",
    };

    public IFileSystem FileSystem(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return Environment.FileSystemFor(parse.GetValue(Global.Rootfs) ?? "/");
    }

    /// <summary>The API client for a kubeconfig file (the test seam <see cref="InitEnvironment.ClusterClientFor"/> when set).</summary>
    public IClusterApi Client(IFileSystem fileSystem, string? kubeconfigPath)
    {
        var path = kubeconfigPath is { Length: > 0 } given ? given : KubeadmConstants.AdminKubeConfigFile;
        return Environment.ClusterClientFor is { } factory
            ? factory(fileSystem, path)
            : ClusterClientFactory.FromKubeconfig(fileSystem, path, KubeadmConstants.KubernetesApiCallTimeout, Environment.Clock);
    }

    public Task<int> RunAsync(ParseResult parse, Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return CommandErrors.RunAsync(Environment.Err, parse.GetValue(Global.Verbosity), body);
    }
}
