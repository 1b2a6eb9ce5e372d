using System.CommandLine;
using Kubeadm.App.Upgrade;
using Kubeadm.Core.Errors;
using static Kubeadm.Cli.Commands.FlagValues;

namespace Kubeadm.Cli.Commands.Upgrade;

/// <summary>`kubeadm upgrade diff [version]`: unified diffs of this node's control-plane manifests against the target's.</summary>
public static class UpgradeDiffCommand
{
    private const string ShortHelp = "Show, as a diff, how the upgrade would change this node's control-plane manifests";

    private const string LongHelp = """
        Show, as unified diffs, how the upgrade would change this node's control-plane static Pod manifests.
        Nothing is changed; "kubeadm upgrade apply --dry-run" shows the whole upgrade.

        The new manifests are the ones "kubeadm init" writes for the cluster's stored ClusterConfiguration at the target
        version (without --patches), for this node's advertised endpoint (read from its kube-apiserver manifest).
        Without [version] the target is the version in the stored ClusterConfiguration.
        """;

    public static Command Create(UpgradeCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var defaults = new UpgradeDiffOptions();
        var version = new Argument<string[]>("version") { Arity = ArgumentArity.ZeroOrMore, HelpName = "version" };
        var apiServer = Text("--api-server-manifest", $"The kube-apiserver manifest to compare. (default \"{defaults.ApiServerManifest}\")");
        var controllerManager = Text("--controller-manager-manifest", $"The kube-controller-manager manifest to compare. (default \"{defaults.ControllerManagerManifest}\")");
        var scheduler = Text("--scheduler-manifest", $"The kube-scheduler manifest to compare. (default \"{defaults.SchedulerManifest}\")");
        var contextLines = new Option<int>("--context-lines", "-c")
        {
            Description = "Unchanged lines shown around each change. (default 3)",
            HelpName = "int",
            DefaultValueFactory = _ => 3,
        };
        var kubeconfig = UpgradeCommandContext.KubeconfigOption();
        var config = UpgradeCommandContext.ConfigOption();
        var command = new Command("diff", ShortHelp) { version, apiServer, config, contextLines, controllerManager, kubeconfig, scheduler };
        context.Help.Register(command, LongHelp);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async () =>
        {
            var versions = parse.GetValue(version) ?? [];
            if (versions.Length > 1)
            {
                throw new KubeadmUserException($"accepts at most 1 arg(s), received {versions.Length}: kubeadm upgrade diff takes one [version]");
            }

            var options = new UpgradeDiffOptions
            {
                TargetVersion = versions.Length == 1 ? versions[0] : null,
                ContextLines = parse.GetValue(contextLines),
                ApiServerManifest = Get(parse, apiServer) ?? defaults.ApiServerManifest,
                ControllerManagerManifest = Get(parse, controllerManager) ?? defaults.ControllerManagerManifest,
                SchedulerManifest = Get(parse, scheduler) ?? defaults.SchedulerManifest,
            };
            var upgradeConfig = UpgradeConfigurationFile.Load(context.Environment.ReadUserFile, Get(parse, config));
            options = UpgradeOptionsMerge.ForDiff(options, upgradeConfig.Diff, ChangedFlags(parse));
            var fileSystem = context.FileSystem(parse);
            var api = context.Client(fileSystem, parse.GetValue(kubeconfig));
            var environment = context.Environment;
            var diff = await new UpgradeDiffRun(environment.Out, environment.Err, environment.Clock)
                .RunAsync(api, fileSystem, environment.GetEnvironmentVariable, options, cancellationToken).ConfigureAwait(false);
            await environment.Out.WriteAsync(diff).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
