using System.Text.Json;
using Kubeadm.App.Upgrade;
using Kubeadm.Core.Upgrade;

namespace Kubeadm.App.Tests.Upgrade;

public sealed class UpgradePlanFormatTests
{
    private static readonly UpgradePlan Plan = new(
        [
            new AvailableUpgradePlan(
                "version in the v1.33 series",
                [
                    new ComponentUpgradePlan("kubelet", "v1.33.5", "v1.34.2", "worker-1"),
                    new ComponentUpgradePlan("kube-apiserver", "v1.33.5", "v1.34.2", "cp-1"),
                    new ComponentUpgradePlan("kube-proxy", "v1.33.5", "v1.34.2", ""),
                    new ComponentUpgradePlan("CoreDNS", "v1.12.0", "v1.12.1", ""),
                    new ComponentUpgradePlan("kubeadm", "v1.34.2", "v1.34.2", ""),
                    new ComponentUpgradePlan("etcd", "3.5.24-0", "3.6.5-0", "cp-1"),
                ]),
        ],
        [new ComponentConfigVersionState("kubeproxy.config.k8s.io", "v1alpha1", "v1alpha1", false), new ComponentConfigVersionState("kubelet.config.k8s.io", "", "v1beta1", false)]);

    [Fact]
    public void Should_PrintKubeadmsTables_When_Text()
    {
        const string Expected = """
            Components that must be upgraded manually after you have upgraded the control plane with 'kubeadm upgrade apply':
            COMPONENT   NODE       CURRENT   TARGET
            kubelet     worker-1   v1.33.5   v1.34.2

            Upgrade to the latest version in the v1.33 series:

            COMPONENT        NODE      CURRENT    TARGET
            kube-apiserver   cp-1      v1.33.5    v1.34.2
            kube-proxy                 v1.33.5    v1.34.2
            CoreDNS                    v1.12.0    v1.12.1
            etcd             cp-1      3.5.24-0   3.6.5-0

            You can now apply the upgrade by executing the following command:

            	kubeadm upgrade apply v1.34.2

            _____________________________________________________________________


            The table below shows the current state of component configs as understood by this version of kubeadm.
            Configs that have a "yes" mark in the "MANUAL UPGRADE REQUIRED" column require manual config upgrade or
            resetting to kubeadm defaults before a successful upgrade can be performed. The version to manually
            upgrade to is denoted in the "PREFERRED VERSION" column.

            API GROUP                 CURRENT VERSION   PREFERRED VERSION   MANUAL UPGRADE REQUIRED
            kubeproxy.config.k8s.io   v1alpha1          v1alpha1            no
            kubelet.config.k8s.io     -                 v1beta1             no
            _____________________________________________________________________


            """;

        Assert.Equal(Expected.Replace("\r\n", "\n", StringComparison.Ordinal), UpgradePlanText.Format(Plan));
    }

    [Fact]
    public void Should_AskForKubeadmFirstAndTheRcFlag_When_TheTargetIsANewerRc()
    {
        var plan = Plan with
        {
            AvailableUpgrades =
            [
                new AvailableUpgradePlan("release candidate version",
                [
                    new ComponentUpgradePlan("kube-apiserver", "v1.34.2", "v1.35.0-rc.1", "cp-1"),
                    new ComponentUpgradePlan("kubeadm", "v1.34.2", "v1.35.0-rc.1", ""),
                ]),
            ],
        };

        var text = UpgradePlanText.Format(plan);

        Assert.Contains("\tkubeadm upgrade apply v1.35.0-rc.1 --allow-release-candidate-upgrades\n\nNote: Before you can perform this upgrade, you have to update kubeadm to v1.35.0-rc.1.\n", text);
    }

    [Fact]
    public void Should_WriteTheV1alpha3Object_When_Json()
    {
        using var json = JsonDocument.Parse(UpgradePlanObjects.Json(Plan));
        var root = json.RootElement;

        Assert.Equal(["kind", "apiVersion", "availableUpgrades", "configVersions"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("output.kubeadm.k8s.io/v1alpha3", root.GetProperty("apiVersion").GetString());
        var proxy = root.GetProperty("availableUpgrades")[0].GetProperty("components")[2];
        Assert.Equal(["name", "currentVersion", "newVersion"], proxy.EnumerateObject().Select(p => p.Name));
        var etcd = root.GetProperty("availableUpgrades")[0].GetProperty("components")[5];
        Assert.Equal("cp-1", etcd.GetProperty("nodeName").GetString());
        Assert.False(root.GetProperty("configVersions")[1].GetProperty("manualUpgradeRequired").GetBoolean());
        Assert.Equal("", root.GetProperty("configVersions")[1].GetProperty("currentVersion").GetString());
    }

    [Fact]
    public void Should_SortKeys_When_Yaml()
    {
        var yaml = UpgradePlanObjects.Yaml(Plan);

        Assert.StartsWith("apiVersion: output.kubeadm.k8s.io/v1alpha3\navailableUpgrades:\n- components:\n  - currentVersion: v1.33.5\n    name: kubelet\n    newVersion: v1.34.2\n    nodeName: worker-1\n", yaml);
        Assert.EndsWith("kind: UpgradePlan\n", yaml);
    }
}
