using k8s.Models;
using Kubeadm.App.Preflight;
using Kubeadm.Core.Addons;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.Upgrade;
using Kubeadm.Core.Upgrade.Apply;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// The preflight phases of `upgrade apply` (root check, CoreDNS migration checks, cluster health, the version-skew
/// policy, the confirmation prompt, the image pull) and of `upgrade node` (root check and, on a control plane, the
/// image pull), in kubeadm's order and with its check names.
/// </summary>
public static class UpgradePreflightPhase
{
    public const string CoreDnsUnsupportedPlugins = "CoreDNSUnsupportedPlugins";
    public const string CoreDnsMigration = "CoreDNSMigration";

    public static async Task RunApplyAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Out;
        output.WriteLine("[upgrade/preflight] Running preflight checks");
        await RunChecksAsync(context, [RootCheck(context)], cancellationToken).ConfigureAwait(false);
        var coreDns = await CoreDnsChecksAsync(context.Api, context.Config.Cluster.Dns.Disabled, cancellationToken).ConfigureAwait(false);
        await RunChecksAsync(context, coreDns, cancellationToken).ConfigureAwait(false);
        await ClusterHealthChecks.RunAsync(ClusterHealthTarget.Of(context), context.IgnorePreflightErrors, output, context.Err, cancellationToken).ConfigureAwait(false);

        await EnforceVersionPolicyAsync(context, cancellationToken).ConfigureAwait(false);
        if (context.Options.IsInteractive)
        {
            Confirm(context);
        }

        await PullImagesAsync(context, cancellationToken).ConfigureAwait(false);
    }

    public static async Task RunNodeAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Out.WriteLine("[preflight] Running pre-flight checks");
        await RunChecksAsync(context, [RootCheck(context)], cancellationToken).ConfigureAwait(false);
        if (!context.IsControlPlaneNode)
        {
            context.Out.WriteLine("[preflight] Skipping prepull. Not a control plane node.");
            return;
        }

        await PullImagesAsync(context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>kubeadm's EnforceVersionPolicies with its console lines; mandatory findings always stop, skippable ones unless --force.</summary>
    public static async Task EnforceVersionPolicyAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Out;
        output.WriteLine($"[upgrade/preflight] You have chosen to upgrade the cluster version to \"{context.TargetVersion}\"");
        string? clusterVersion = null;
        string? clusterVersionError = null;
        try
        {
            clusterVersion = await context.ServerVersion(cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException e)
        {
            clusterVersionError = e.Message;
        }

        IReadOnlyDictionary<string, IReadOnlyList<string>>? kubelets = null;
        string? kubeletError = null;
        try
        {
            var nodes = await context.Api.ListAsync<V1Node>("", null, cancellationToken).ConfigureAwait(false);
            kubelets = nodes
                .GroupBy(n => n.Status?.NodeInfo?.KubeletVersion ?? "", StringComparer.Ordinal)
                .Where(g => g.Key.Length > 0)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(n => n.Metadata.Name)], StringComparer.Ordinal);
        }
        catch (ClusterApiException e)
        {
            kubeletError = $"couldn't list all nodes in cluster: {e.Message}";
        }

        output.WriteLine($"[upgrade/versions] Cluster version: {clusterVersion ?? "unknown"}");
        output.WriteLine($"[upgrade/versions] kubeadm version: {KubeadmVersion.Current}");
        var findings = UpgradeVersionPolicy.Check(new UpgradeVersionInputs
        {
            TargetVersion = context.TargetVersion,
            ClusterVersion = clusterVersion,
            ClusterVersionError = clusterVersionError,
            KubeletVersions = kubelets,
            KubeletVersionsError = kubeletError,
            AllowExperimentalUpgrades = context.Options.AllowExperimentalUpgrades,
            AllowReleaseCandidateUpgrades = context.Options.AllowReleaseCandidateUpgrades,
        });
        if (findings.ErrorMessage(context.Options.Force) is { } error)
        {
            throw new KubeadmUserException(error);
        }

        if (findings.ForcedNotice() is { } notice)
        {
            output.Write(notice);
        }
    }

    private static void Confirm(UpgradeContext context)
    {
        context.Out.Write("[upgrade] Are you sure you want to proceed? [y/N]: ");
        context.Out.Flush();
        var answer = context.ReadLine()?.Trim().ToLowerInvariant();
        if (answer is not ("y" or "yes"))
        {
            throw new KubeadmUserException("won't proceed; the user didn't answer (Y|y) in order to continue");
        }
    }

    private static async Task PullImagesAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        if (context.DryRun)
        {
            context.Out.WriteLine("[upgrade/preflight] Would pull the required images (like 'kubeadm config images pull')");
            return;
        }

        foreach (var line in ImagePullCheck.Intro)
        {
            context.Out.WriteLine(line.Replace("[preflight]", "[upgrade/preflight]", StringComparison.Ordinal));
        }

        var connect = context.ContainerRuntime ?? throw new KubeadmUserException("no container runtime is configured for the image pull");
        var check = ImagePullCheck.Create(context.Config, connect, context.Err, context.Options.Verbosity);
        await RunChecksAsync(context, [check], cancellationToken).ConfigureAwait(false);
    }

    private static PreflightCheck RootCheck(UpgradeContext context) => new("IsPrivilegedUser", _ => Task.FromResult(
        context.IsPrivilegedUser() ? new CheckOutcome([], []) : new CheckOutcome([], ["user is not running as root"])));

    /// <summary>
    /// kubeadm's RunCoreDNSMigrationCheck: the installed CoreDNS (the Deployment's image tag) must be one the Corefile
    /// migration knows (CoreDNSMigration), and its Corefile may use only plugins the new CoreDNS has (CoreDNSUnsupportedPlugins).
    /// `upgrade apply` and `upgrade plan` both run them (kubeadm's runPreflightChecks / apply preflight phase).
    /// </summary>
    public static async Task<IReadOnlyList<PreflightCheck>> CoreDnsChecksAsync(IClusterApi api, bool dnsDisabled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (dnsDisabled)
        {
            return [];
        }

        var deployment = await api.GetAsync<V1Deployment>(AddonLabels.SystemNamespace, CoreDnsManifests.Name, cancellationToken).ConfigureAwait(false);
        var configMap = await api.GetAsync<V1ConfigMap>(AddonLabels.SystemNamespace, CoreDnsManifests.Name, cancellationToken).ConfigureAwait(false);
        var image = deployment?.Spec?.Template?.Spec?.Containers?.FirstOrDefault()?.Image;
        if (image is null || configMap?.Data?.TryGetValue(CoreDnsManifests.ConfigMapKey, out var corefile) is not true)
        {
            return [];
        }

        var from = ImageVersion.FromImage(image);
        var to = ComponentVersions.CoreDns;
        return
        [
            new PreflightCheck(CoreDnsUnsupportedPlugins, _ =>
            {
                var unsupported = CorefileMigration.UnsupportedPlugins(corefile);
                return Task.FromResult(unsupported.Count == 0
                    ? new CheckOutcome([], [])
                    : new CheckOutcome([], [$"CoreDNS cannot migrate the following plugins:\n[Plugin \"{string.Join("\", Plugin \"", unsupported)}\" is unsupported by this migration tool in {to}.]"]));
            }),
            new PreflightCheck(CoreDnsMigration, _ => Task.FromResult(
                CorefileMigration.CanMigrate(from, to) ? new CheckOutcome([], []) : new CheckOutcome([], [CorefileMigration.CannotMigrateMessage(from, to)]))),
        ];
    }

    private static async Task RunChecksAsync(UpgradeContext context, IReadOnlyList<PreflightCheck> checks, CancellationToken cancellationToken)
    {
        if (checks.Count == 0)
        {
            return;
        }

        var report = await PreflightChecksRunner.RunAsync(checks, context.IgnorePreflightErrors, context.Err, cancellationToken).ConfigureAwait(false);
        if (report.Failed)
        {
            throw new PreflightFailedException();
        }
    }
}
