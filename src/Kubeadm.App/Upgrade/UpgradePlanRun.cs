using Kubeadm.App.ClusterApi;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.Upgrade;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// `kubeadm upgrade plan`: the root check and CoreDNS migration checks, the cluster's stored configuration, kubeadm's
/// cluster health checks (CreateJob, ControlPlaneNodesReady, StaticPodManifest — as kubeadm's enforceRequirements), the
/// versions every component runs, the upgrades on offer (offline: towards the resolved target), the component-config
/// states, and kubeadm's version-skew verdict on each offered upgrade. Changes nothing but the health check's own Job,
/// which it deletes.
/// </summary>
public sealed class UpgradePlanRun
{
    private static readonly TimeSpan ConfigReadBudget = TimeSpan.FromSeconds(30);
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly TimeProvider _clock;
    private readonly IFileSystem _fileSystem;

    /// <param name="output">Progress lines (only for text output: the structured printers carry the plan alone).</param>
    /// <param name="error">Warnings and the checks' findings.</param>
    /// <param name="clock">For the bounded configuration read and the health-check Job's wait.</param>
    /// <param name="fileSystem">This node's files (the StaticPodManifest check).</param>
    public UpgradePlanRun(TextWriter output, TextWriter error, TimeProvider clock, IFileSystem fileSystem)
    {
        _out = output;
        _err = error;
        _clock = clock;
        _fileSystem = fileSystem;
    }

    public async Task<UpgradePlan> RunAsync(IClusterApi api, UpgradePlanOptions options, bool isPrivilegedUser, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        var text = options.Output == "text";
        void Print(string line)
        {
            if (text)
            {
                _out.WriteLine(line);
            }
        }

        var target = UpgradeTargetVersion.Resolve(options.TargetVersion, out var targetWarning);
        if (targetWarning is not null)
        {
            _err.WriteLine($"[upgrade/versions] WARNING: {targetWarning}");
        }

        Print("[preflight] Running pre-flight checks.");
        RootCheck(isPrivilegedUser, options.IgnorePreflightErrors, Print);
        var ignored = new IgnoredPreflightErrors(options.IgnorePreflightErrors);
        var coreDns = await UpgradePreflightPhase.CoreDnsChecksAsync(api, dnsDisabled: false, cancellationToken).ConfigureAwait(false);
        if ((await PreflightChecksRunner.RunAsync(coreDns, ignored, _err, cancellationToken).ConfigureAwait(false)).Failed)
        {
            throw new PreflightFailedException();
        }

        var config = await ReadClusterConfigurationAsync(api, Print, cancellationToken).ConfigureAwait(false);
        var cluster = config.Cluster;
        await CheckClusterHealthAsync(api, config, options, ignored, text, cancellationToken).ConfigureAwait(false);
        if (options.PrintConfig)
        {
            Print("[upgrade/config] Configuration used:");
            foreach (var line in KubeadmConfigEncoder.EncodeClusterConfiguration(cluster).TrimEnd('\n').Split('\n'))
            {
                Print("\t" + line);
            }
        }

        var observed = await ClusterVersionReader.ReadComponentsAsync(api, cancellationToken).ConfigureAwait(false);
        var upgrades = UpgradeAvailability.Compute(
            new UpgradeAvailabilityInputs
            {
                Observed = observed,
                TargetVersion = target,
                AllowExperimentalUpgrades = options.AllowExperimentalUpgrades,
                AllowReleaseCandidateUpgrades = options.AllowReleaseCandidateUpgrades,
            },
            Print,
            warning => _err.WriteLine(warning));
        var configVersions = await ClusterVersionReader.ReadConfigVersionsAsync(api, cancellationToken).ConfigureAwait(false);
        if (upgrades.Count > 0)
        {
            await ReportPolicyAsync(api, observed, target, options, cancellationToken).ConfigureAwait(false);
        }

        return UpgradePlanBuilder.Build(upgrades, configVersions);
    }

    /// <summary>kubeadm's CheckClusterHealth, as `upgrade apply` runs it; plan never dry-runs, so the Job is really created.</summary>
    private async Task CheckClusterHealthAsync(
        IClusterApi api, KubeadmConfig config, UpgradePlanOptions options, IgnoredPreflightErrors ignored, bool text, CancellationToken cancellationToken)
    {
        var target = new ClusterHealthTarget
        {
            Api = api,
            Cluster = config.Cluster,
            FileSystem = _fileSystem,
            Clock = _clock,
            JobTimeout = options.KubernetesApiCallTimeout ?? config.Init.Timeouts.KubernetesApiCall ?? KubeadmConstants.KubernetesApiCallTimeout,
            PollInterval = options.PollInterval,
        };
        try
        {
            await ClusterHealthChecks.RunAsync(target, ignored, text ? _out : TextWriter.Null, _err, cancellationToken).ConfigureAwait(false);
        }
        catch (PreflightFailedException e)
        {
            throw new PreflightFailedException("[upgrade/health] FATAL: " + e.Message, e);
        }
    }

    /// <summary>What `upgrade apply` of the target would say about version skew, as warnings (plan itself never refuses).</summary>
    private async Task ReportPolicyAsync(IClusterApi api, ClusterComponentVersions observed, string target, UpgradePlanOptions options, CancellationToken cancellationToken)
    {
        string? serverVersion = null;
        string? serverError = null;
        try
        {
            serverVersion = await api.GetServerVersionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException e)
        {
            serverError = "Couldn't fetch cluster version from the API Server: " + e.Message;
        }

        var findings = UpgradeVersionPolicy.Check(new UpgradeVersionInputs
        {
            TargetVersion = target,
            ClusterVersion = serverVersion,
            ClusterVersionError = serverError,
            KubeletVersions = observed.Kubelet.ToDictionary(),
            AllowExperimentalUpgrades = options.AllowExperimentalUpgrades,
            AllowReleaseCandidateUpgrades = options.AllowReleaseCandidateUpgrades,
        });
        foreach (var finding in findings.Mandatory)
        {
            _err.WriteLine($"[upgrade/versions] WARNING: 'kubeadm upgrade apply {target}' will refuse: {finding}");
        }

        foreach (var finding in findings.Skippable)
        {
            _err.WriteLine($"[upgrade/versions] WARNING: 'kubeadm upgrade apply {target}' will need --force: {finding}");
        }
    }

    private async Task<KubeadmConfig> ReadClusterConfigurationAsync(IClusterApi api, Action<string> print, CancellationToken cancellationToken)
    {
        print($"[upgrade/config] Reading configuration from the \"kubeadm-config\" ConfigMap in namespace \"kube-system\"...");
        print("[upgrade/config] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.");
        try
        {
            var fetcher = new ClusterConfigurationFetcher((_, _) => api, _clock, ConfigReadBudget);
            return await fetcher.FetchAsync(api, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeadmUserException e) when (e.Message.EndsWith("not found", StringComparison.Ordinal))
        {
            print("[upgrade/config] In order to upgrade, a ConfigMap called \"kubeadm-config\" in the \"kube-system\" namespace must exist.");
            print("[upgrade/config] Use 'kubeadm init phase upload-config --config your-config.yaml' to re-upload it.");
            throw new KubeadmUserException("[upgrade/init config] FATAL: the ConfigMap \"kubeadm-config\" in the \"kube-system\" namespace was not found", e);
        }
        catch (KubeadmUserException e)
        {
            throw new KubeadmUserException("[upgrade/init config] FATAL: " + e.Message, e);
        }
    }

    private static void RootCheck(bool isPrivilegedUser, IReadOnlyList<string> ignored, Action<string> print)
    {
        const string CheckName = "IsPrivilegedUser";
        if (isPrivilegedUser)
        {
            return;
        }

        if (ignored.Contains(IgnorePreflightErrorsValidator.All, StringComparer.Ordinal)
            || ignored.Contains(CheckName.ToLowerInvariant(), StringComparer.Ordinal))
        {
            print($"\t[WARNING {CheckName}]: user is not running as root");
            return;
        }

        throw new KubeadmUserException(
            $"[preflight] Some fatal errors occurred:\n\t[ERROR {CheckName}]: user is not running as root\n"
            + "[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`");
    }
}
