using System.CommandLine;
using Kubeadm.App.Upgrade;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Errors;
using static Kubeadm.Cli.Commands.FlagValues;

namespace Kubeadm.Cli.Commands.Upgrade;

/// <summary>`kubeadm upgrade plan [version]`: the versions the cluster runs and the upgrade this kubeadm offers.</summary>
public static class UpgradePlanCommand
{
    private const string ShortHelp = "Show the versions the cluster runs and the upgrade this kubeadm can make";

    private const string LongHelp = """
        Show the versions the cluster runs and the upgrade this kubeadm can make, and check that the cluster
        can be upgraded. Run it on a control-plane node: it reads the cluster through admin.conf.

        This kubeadm never looks versions up on the network: without [version] the target is this kubeadm's own
        version, and release labels ("stable", "stable-1.34" …) resolve to it as they do for "kubeadm init".
        The plan also says what "kubeadm upgrade apply" would refuse (version skew) or only accept with --force.
        """;

    private static readonly string[] Formats = ["text", "json", "yaml"];

    public static Command Create(UpgradeCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flags = new UpgradePlanFlags();
        var version = new Argument<string[]>("version") { Arity = ArgumentArity.ZeroOrMore, HelpName = "version" };
        var command = new Command("plan", ShortHelp) { version };
        foreach (var option in flags.All())
        {
            command.Options.Add(option);
        }

        context.Help.Register(command, LongHelp);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async () =>
        {
            var options = flags.Bind(parse, parse.GetValue(version) ?? []);
            var upgradeConfig = UpgradeConfigurationFile.Load(context.Environment.ReadUserFile, Get(parse, flags.Config));
            options = UpgradeOptionsMerge.ForPlan(options, upgradeConfig.Plan, ChangedFlags(parse));
            options = options with
            {
                IgnorePreflightErrors = IgnorePreflightErrorsValidator.Normalize(options.IgnorePreflightErrors, []),
                KubernetesApiCallTimeout = upgradeConfig.Timeouts.KubernetesApiCall,
            };
            var fileSystem = context.FileSystem(parse);
            var api = context.Client(fileSystem, parse.GetValue(flags.Kubeconfig));
            var environment = context.Environment;
            var isRoot = environment.PreflightHostFor(fileSystem).IsPrivilegedUser;
            var plan = await new UpgradePlanRun(environment.Out, environment.Err, environment.Clock, fileSystem)
                .RunAsync(api, options, isRoot, cancellationToken).ConfigureAwait(false);
            var output = options.Output switch
            {
                "json" => UpgradePlanObjects.Json(plan),
                "yaml" => UpgradePlanObjects.Yaml(plan),
                _ => UpgradePlanText.Format(plan),
            };
            await environment.Out.WriteAsync(output).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    /// <summary>The flags of 1.34's `upgrade plan`, with kubeadm's names (help in our words).</summary>
    private sealed class UpgradePlanFlags
    {
        public Option<bool> AllowExperimentalUpgrades { get; } = new("--allow-experimental-upgrades")
        {
            Description = UpgradeFlags.AllowExperimentalHelp,
        };

        public Option<bool> AllowMissingTemplateKeys { get; } = new("--allow-missing-template-keys")
        {
            Description = "Accepted for compatibility; only template output formats use it, and this kubeadm prints text, json or yaml. (default true)",
        };

        public Option<bool> AllowReleaseCandidateUpgrades { get; } = new("--allow-release-candidate-upgrades")
        {
            Description = UpgradeFlags.AllowReleaseCandidateHelp,
        };

        public Option<string> Config { get; } = UpgradeCommandContext.ConfigOption();

        public Option<string[]> IgnorePreflightErrors { get; } = List("--ignore-preflight-errors", FlagHelp.IgnorePreflightErrors);

        public Option<string> Kubeconfig { get; } = UpgradeCommandContext.KubeconfigOption();

        public Option<string> Output { get; } = new("--output", "-o")
        {
            Description = "How to print the plan: text, json or yaml. (default \"text\")",
            HelpName = "string",
        };

        public Option<bool> PrintConfig { get; } = new("--print-config")
        {
            Description = UpgradeFlags.PrintConfigHelp,
        };

        public Option<bool> ShowManagedFields { get; } = new("--show-managed-fields")
        {
            Description = "Accepted for compatibility; the printed plan holds no managedFields.",
        };

        public IEnumerable<Option> All() =>
        [
            AllowExperimentalUpgrades, AllowMissingTemplateKeys, AllowReleaseCandidateUpgrades, Config, IgnorePreflightErrors, Kubeconfig,
            Output, PrintConfig, ShowManagedFields,
        ];

        public UpgradePlanOptions Bind(ParseResult parse, string[] versionArguments)
        {
            if (versionArguments.Length > 1)
            {
                throw new KubeadmUserException($"accepts at most 1 arg(s), received {versionArguments.Length}: kubeadm upgrade plan takes one [version]");
            }

            var format = parse.GetValue(Output) is { Length: > 0 } given ? given : "text";
            if (!Formats.Contains(format, StringComparer.Ordinal))
            {
                throw new KubeadmUserException(
                    $"could not construct output printer: unable to match a printer suitable for the output format \"{format}\", allowed formats are: {string.Join(',', Formats)}");
            }

            return new UpgradePlanOptions
            {
                TargetVersion = versionArguments.Length == 1 ? versionArguments[0] : null,
                AllowExperimentalUpgrades = parse.GetValue(AllowExperimentalUpgrades),
                AllowReleaseCandidateUpgrades = parse.GetValue(AllowReleaseCandidateUpgrades),
                PrintConfig = parse.GetValue(PrintConfig),
                IgnorePreflightErrors = GetList(parse, IgnorePreflightErrors) ?? [],
                Output = format,
            };
        }
    }
}
