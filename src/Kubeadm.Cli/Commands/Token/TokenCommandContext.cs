using System.CommandLine;
using Kubeadm.App.ClusterApi;
using Kubeadm.App.Init;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Host;

namespace Kubeadm.Cli.Commands.Token;

/// <summary>What the `kubeadm token` sub-commands share: the host, the global flags, --kubeconfig and the API client.</summary>
public sealed class TokenCommandContext
{
    public TokenCommandContext(InitEnvironment environment, GlobalFlags global)
    {
        Environment = environment;
        Global = global;
    }

    public InitEnvironment Environment { get; }

    public GlobalFlags Global { get; }

    public Option<string> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = FlagHelp.KubeconfigSearched,
        HelpName = "string",
        Recursive = true,
    };

    public IFileSystem FileSystem(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return Environment.FileSystemFor(parse.GetValue(Global.Rootfs) ?? "/");
    }

    /// <summary>
    /// --kubeconfig when given; else the first existing of $KUBECONFIG's first entry and $HOME/.kube/config; else
    /// /etc/kubernetes/admin.conf (client-go's standard locations, then kubeadm's own).
    /// </summary>
    public string KubeconfigPath(ParseResult parse, IFileSystem fileSystem)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(fileSystem);
        if (parse.GetValue(Kubeconfig) is { Length: > 0 } given)
        {
            return CommandLinePath.Absolute(given);
        }

        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("KUBECONFIG") is { Length: > 0 } fromEnvironment)
        {
            candidates.AddRange(fromEnvironment.Split(':', StringSplitOptions.RemoveEmptyEntries).Take(1));
        }

        if (Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home)
        {
            candidates.Add($"{home.TrimEnd('/')}/.kube/config");
        }

        return candidates.FirstOrDefault(path => path.StartsWith('/') && fileSystem.FileExists(path)) ?? KubeadmConstants.AdminKubeConfigFile;
    }

    public IClusterApi Client(IFileSystem fileSystem, string kubeconfigPath) =>
        Environment.ClusterClientFor is { } factory
            ? factory(fileSystem, kubeconfigPath)
            : ClusterClientFactory.FromKubeconfig(fileSystem, kubeconfigPath, KubeadmConstants.KubernetesApiCallTimeout, Environment.Clock);

    public Task<int> RunAsync(ParseResult parse, Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return CommandErrors.RunAsync(Environment.Err, parse.GetValue(Global.Verbosity), body);
    }
}
