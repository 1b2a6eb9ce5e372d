using Kubeadm.App.Upgrade;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Upgrade;

namespace Kubeadm.App.Tests.Upgrade;

public sealed class UpgradePlanRunTests : IDisposable
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
    }

    private Task<UpgradePlan> PlanAsync(InMemoryClusterApi api, UpgradePlanOptions? options = null, bool root = true) =>
        new UpgradePlanRun(_out, _err, TimeProvider.System).RunAsync(api, options ?? new UpgradePlanOptions(), root, CancellationToken.None);

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
        Assert.DoesNotContain(api.Requests, r => r.Verb is not ("get" or "list"));
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
}
