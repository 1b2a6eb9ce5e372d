using k8s.Models;
using Kubeadm.App.Upgrade;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.Upgrade;
using Kubeadm.Core.Upgrade.Apply;

namespace Kubeadm.App.Tests.Upgrade;

public sealed class UpgradePlanRunTests : IDisposable
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private readonly InMemoryFileSystem _fileSystem = new();

    public UpgradePlanRunTests()
    {
        foreach (var component in UpgradeComponents.ControlPlane.Prepend(ComponentNames.Etcd))
        {
            _fileSystem.WriteAllText(StaticPodUpgrader.ManifestPath(component), "kind: Pod\n", FileModes.Private);
        }
    }

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
    }

    /// <summary>Plans with a Job controller stand-in that completes the health-check Job (unless <paramref name="jobsRun"/> is false).</summary>
    private async Task<UpgradePlan> PlanAsync(InMemoryClusterApi api, UpgradePlanOptions? options = null, bool root = true, bool jobsRun = true)
    {
        options ??= new UpgradePlanOptions();
        options = options with { PollInterval = TimeSpan.FromMilliseconds(5), KubernetesApiCallTimeout = options.KubernetesApiCallTimeout ?? TimeSpan.FromSeconds(10) };
        using var stop = new CancellationTokenSource();
        var jobs = jobsRun ? HealthCheckJobStandIn.RunAsync(api, stop.Token) : Task.CompletedTask;
        try
        {
            return await new UpgradePlanRun(_out, _err, TimeProvider.System, _fileSystem).RunAsync(api, options, root, CancellationToken.None);
        }
        finally
        {
            await stop.CancelAsync();
            await jobs;
        }
    }

    [Fact]
    public async Task Should_OfferThisKubeadmsVersionPerNode_When_TheClusterIsOneMinorBehind()
    {
        var api = UpgradeClusterSeed.Cluster("v1.33.5", ["cp-1", "cp-2"], ["worker-1"]);

        var plan = await PlanAsync(api);

        var upgrade = Assert.Single(plan.AvailableUpgrades);
        Assert.Equal("version in the v1.33 series", upgrade.Description);
        Assert.Equal(
            [
                ("kubelet", "cp-1", "v1.33.5", "v1.34.2"), ("kubelet", "cp-2", "v1.33.5", "v1.34.2"), ("kubelet", "worker-1", "v1.33.5", "v1.34.2"),
                ("kube-apiserver", "cp-1", "v1.33.5", "v1.34.2"), ("kube-apiserver", "cp-2", "v1.33.5", "v1.34.2"),
                ("kube-controller-manager", "cp-1", "v1.33.5", "v1.34.2"), ("kube-controller-manager", "cp-2", "v1.33.5", "v1.34.2"),
                ("kube-scheduler", "cp-1", "v1.33.5", "v1.34.2"), ("kube-scheduler", "cp-2", "v1.33.5", "v1.34.2"),
                ("kube-proxy", "", "v1.33.5", "v1.34.2"), ("CoreDNS", "", "v1.12.0", "v1.12.1"), ("kubeadm", "", "v1.34.2", "v1.34.2"),
                ("etcd", "cp-1", "3.5.24-0", "3.6.5-0"), ("etcd", "cp-2", "3.5.24-0", "3.6.5-0"),
            ],
            upgrade.Components.Select(c => (c.Name, c.NodeName, c.CurrentVersion, c.NewVersion)));
        Assert.Equal(
            [new ComponentConfigVersionState("kubeproxy.config.k8s.io", "v1alpha1", "v1alpha1", false), new ComponentConfigVersionState("kubelet.config.k8s.io", "v1beta1", "v1beta1", false)],
            plan.ConfigVersions);
        Assert.Contains("[upgrade/versions] Cluster version: v1.33.5\n[upgrade/versions] kubeadm version: v1.34.2\n[upgrade/versions] Target version: v1.34.2\n", _out.ToString());
        Assert.Equal("", _err.ToString());
        Assert.DoesNotContain(api.Requests, r => r.Verb is not ("get" or "list") && r.Name != ClusterHealthChecks.HealthCheckJobName);
    }

    [Fact]
    public async Task Should_OfferNothing_When_TheClusterRunsTheTarget()
    {
        var api = UpgradeClusterSeed.Cluster("v1.34.2", ["cp-1"], []);

        var plan = await PlanAsync(api);

        Assert.Empty(plan.AvailableUpgrades);
        Assert.Equal(UpgradePlanText.UpToDate + "\n", UpgradePlanText.Format(plan));
    }

    [Fact]
    public async Task Should_WarnWhatApplyWouldRefuse_When_TheTargetSkipsAMinor()
    {
        var api = UpgradeClusterSeed.Cluster("v1.32.4", ["cp-1"], [], kubeletVersion: "v1.32.4");

        var plan = await PlanAsync(api, new UpgradePlanOptions { TargetVersion = "v1.34.2" });

        Assert.Single(plan.AvailableUpgrades);
        Assert.Contains(
            "[upgrade/versions] WARNING: 'kubeadm upgrade apply v1.34.2' will refuse: Specified version to upgrade to \"v1.34.2\" is too high; kubeadm can upgrade only 1 minor version at a time",
            _err.ToString());
    }

    [Fact]
    public async Task Should_ReadEtcdAsExternal_When_ThereAreNoEtcdPods()
    {
        var api = UpgradeClusterSeed.Cluster("v1.33.5", ["cp-1"], [], etcdTag: "");

        var plan = await PlanAsync(api);

        Assert.DoesNotContain(plan.AvailableUpgrades[0].Components, c => c.Name == "etcd");
    }

    [Fact]
    public async Task Should_ResolveALabelOffline_WithAWarning()
    {
        var api = UpgradeClusterSeed.Cluster("v1.33.5", ["cp-1"], []);

        var plan = await PlanAsync(api, new UpgradePlanOptions { TargetVersion = "stable-1" });

        Assert.Equal("v1.34.2", plan.AvailableUpgrades[0].Components.First(c => c.Name == "kube-apiserver").NewVersion);
        Assert.Contains("no network lookup for version label \"stable-1\"", _err.ToString());
    }

    [Fact]
    public async Task Should_StopWithKubeadmsError_When_KubeadmConfigIsMissing()
    {
        var api = new InMemoryClusterApi();

        var error = await Assert.ThrowsAsync<KubeadmUserException>(() => PlanAsync(api));

        Assert.Equal("[upgrade/init config] FATAL: the ConfigMap \"kubeadm-config\" in the \"kube-system\" namespace was not found", error.Message);
    }

    [Fact]
    public async Task Should_RefuseANonRootUser_UnlessTheCheckIsIgnored()
    {
        var api = UpgradeClusterSeed.Cluster("v1.33.5", ["cp-1"], []);

        await Assert.ThrowsAsync<KubeadmUserException>(() => PlanAsync(api, root: false));
        var plan = await PlanAsync(api, new UpgradePlanOptions { IgnorePreflightErrors = ["isprivilegeduser"] }, root: false);

        Assert.Single(plan.AvailableUpgrades);
        Assert.Contains("[WARNING IsPrivilegedUser]: user is not running as root", _out.ToString());
    }

    [Fact]
    public async Task Should_PrintNoProgressLines_When_TheOutputIsStructured()
    {
        var api = UpgradeClusterSeed.Cluster("v1.33.5", ["cp-1"], []);

        await PlanAsync(api, new UpgradePlanOptions { Output = "json" });

        Assert.Equal("", _out.ToString());
    }

    [Fact]
    public async Task Should_RunKubeadmsClusterHealthChecks_AfterReadingTheConfiguration_AndRemoveTheJob()
    {
        var api = UpgradeClusterSeed.Cluster("v1.33.5", ["cp-1"], []);

        await PlanAsync(api);

        var output = _out.ToString();
        Assert.True(
            output.IndexOf("[upgrade/config] Reading configuration", StringComparison.Ordinal) < output.IndexOf("[upgrade] Running cluster health checks\n", StringComparison.Ordinal),
            output);
        Assert.True(output.IndexOf("[upgrade] Running cluster health checks", StringComparison.Ordinal) < output.IndexOf("[upgrade/versions] Cluster version", StringComparison.Ordinal));
        Assert.Contains(new ApiRequest("create", "jobs", "kube-system", ClusterHealthChecks.HealthCheckJobName), api.Requests);
        Assert.Contains(api.Requests, r => r is { Verb: "list", Resource: "nodes" });
        Assert.Null(await api.GetAsync<V1Job>("kube-system", ClusterHealthChecks.HealthCheckJobName, CancellationToken.None));
        Assert.Equal("", _err.ToString());
    }

    [Fact]
    public async Task Should_StopWithKubeadmsWording_When_AControlPlaneIsNotReady()
    {
        var api = UpgradeClusterSeed.Cluster("v1.33.5", ["cp-1"], []);
        api.Seed(new V1Node
        {
            Metadata = new V1ObjectMeta { Name = "cp-1", Labels = new Dictionary<string, string> { ["node-role.kubernetes.io/control-plane"] = "" } },
            Status = new V1NodeStatus { Conditions = [new V1NodeCondition { Type = "Ready", Status = "False" }], NodeInfo = new V1NodeSystemInfo { KubeletVersion = "v1.33.5" } },
        });

        var error = await Assert.ThrowsAsync<PreflightFailedException>(() => PlanAsync(api));

        Assert.Equal("[upgrade/health] FATAL: preflight checks failed", error.Message);
        Assert.Contains(
            "[preflight] Some fatal errors occurred:\n\t[ERROR ControlPlaneNodesReady]: there are NotReady control-planes in the cluster: [cp-1]\n" + PreflightChecksRunner.IgnoreHint,
            _err.ToString(),
            StringComparison.Ordinal);
        Assert.DoesNotContain("[upgrade/versions]", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ReportEachFailedHealthCheck_AndPlan_When_TheyAreIgnoredByName()
    {
        var api = UpgradeClusterSeed.Cluster("v1.33.5", ["cp-1"], []);
        _fileSystem.DeleteFile(StaticPodUpgrader.ManifestPath(ComponentNames.Scheduler));
        var failing = new UpgradePlanOptions { KubernetesApiCallTimeout = TimeSpan.FromMilliseconds(50) };

        var error = await Assert.ThrowsAsync<PreflightFailedException>(() => PlanAsync(api, failing, jobsRun: false));
        var refused = _err.ToString();
        var plan = await PlanAsync(api, failing with { IgnorePreflightErrors = ["createjob", "staticpodmanifest"] }, jobsRun: false);

        Assert.StartsWith("[upgrade/health] FATAL", error.Message, StringComparison.Ordinal);
        Assert.Contains("\t[ERROR CreateJob]: Job \"upgrade-health-check\" in the namespace \"kube-system\" did not complete in ", refused, StringComparison.Ordinal);
        Assert.Contains(
            "\t[ERROR StaticPodManifest]: The control plane seems to be Static Pod-hosted, but some of the manifests don't seem to exist on disk. "
            + "This probably means you're running 'kubeadm upgrade' on a remote machine, which is not supported for a Static Pod-hosted cluster. "
            + "Manifest files not found: [/etc/kubernetes/manifests/kube-scheduler.yaml]",
            refused,
            StringComparison.Ordinal);
        Assert.Single(plan.AvailableUpgrades);
        var warned = _err.ToString()[refused.Length..];
        Assert.Contains("\t[WARNING CreateJob]: Job \"upgrade-health-check\"", warned, StringComparison.Ordinal);
        Assert.Contains("\t[WARNING StaticPodManifest]: The control plane seems to be Static Pod-hosted", warned, StringComparison.Ordinal);
        Assert.DoesNotContain("[ERROR", warned, StringComparison.Ordinal);
        Assert.Null(await api.GetAsync<V1Job>("kube-system", ClusterHealthChecks.HealthCheckJobName, CancellationToken.None));
    }

    [Fact]
    public async Task Should_RunTheCoreDnsMigrationChecks_AsKubeadmsPlanDoes()
    {
        var api = UpgradeClusterSeed.Cluster("v1.33.5", ["cp-1"], []);
        api.Seed(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "coredns", NamespaceProperty = "kube-system" },
            Data = new Dictionary<string, string> { ["Corefile"] = ".:53 {\n    errors\n    notaplugin\n}\n" },
        });

        await Assert.ThrowsAsync<PreflightFailedException>(() => PlanAsync(api));
        var plan = await PlanAsync(api, new UpgradePlanOptions { IgnorePreflightErrors = ["corednsunsupportedplugins"] });

        Assert.Contains("[ERROR CoreDNSUnsupportedPlugins]: CoreDNS cannot migrate the following plugins:", _err.ToString(), StringComparison.Ordinal);
        Assert.Contains("[WARNING CoreDNSUnsupportedPlugins]", _err.ToString(), StringComparison.Ordinal);
        Assert.Single(plan.AvailableUpgrades);
    }
}
