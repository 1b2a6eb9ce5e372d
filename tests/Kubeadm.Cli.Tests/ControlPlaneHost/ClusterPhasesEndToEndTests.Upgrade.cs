using System.Text.Json;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>`kubeadm upgrade plan` and `upgrade diff` read the real API server and this node's manifests.</summary>
public sealed partial class ClusterPhasesEndToEndTests
{
    private static List<string> ChangedLines(string diff) =>
        [.. diff.Split('\n').Where(l => (l.StartsWith('-') || l.StartsWith('+')) && !l.StartsWith("---", StringComparison.Ordinal) && !l.StartsWith("+++", StringComparison.Ordinal))];

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static readonly string[] MirroredComponents = ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd"];

    [ControlPlaneFact]
    public async Task Should_PlanAndDiffAPatchUpgrade_When_TheClusterRunsThisKubeadmsVersion()
    {
        // The process kubelet does not publish mirror Pods; publish them as the kubelet does (the manifest, bound to
        // the node), and give the Node the kubelet version a v1.34.2 kubelet reports.
        var manifests = Path.Combine(cluster.Rootfs, "etc/kubernetes/manifests");
        foreach (var component in MirroredComponents)
        {
            var manifest = await File.ReadAllTextAsync(Path.Combine(manifests, component + ".yaml"));
            var mirror = manifest.Replace("\nspec:\n", $"\nspec:\n  nodeName: {ClusterPhasesFixture.NodeName}\n", StringComparison.Ordinal);
            var created = await ProcessKubelet.KubectlAsync(cluster.ControlPlane.SuperAdminKubeconfig, mirror, "create", "--validate=false", "-f", "-");
            Assert.True(created.ExitCode == 0, created.Output + created.Error);
        }

        // The process kubelet posts no Node status, so 40 s after the Node registered the controller-manager's node
        // lifecycle controller marks it Ready=Unknown ("Kubelet never posted node status"), which the
        // ControlPlaneNodesReady check rightly reports; post the Ready condition a running kubelet posts, with a fresh
        // heartbeat, so the outcome does not depend on how long the earlier tests took.
        var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        await cluster.KubectlAsync(
            "patch", "node", ClusterPhasesFixture.NodeName, "--subresource=status", "--type=strategic",
            "-p", "{\"status\":{\"nodeInfo\":{\"kubeletVersion\":\"v1.34.2\"},\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\","
                + $"\"reason\":\"KubeletReady\",\"message\":\"kubelet is posting ready status\",\"lastHeartbeatTime\":\"{now}\",\"lastTransitionTime\":\"{now}\""
                + "}]}}");
        // Plan runs kubeadm's cluster health checks; this bed runs no Pods, so the CreateJob check's Job never completes:
        // it is ignored by name, and timeouts.kubernetesAPICall bounds its wait.
        var planConfig = Path.Combine(cluster.Rootfs, "upgrade-plan.yaml");
        await File.WriteAllTextAsync(planConfig, "apiVersion: kubeadm.k8s.io/v1beta4\nkind: UpgradeConfiguration\ntimeouts:\n  kubernetesAPICall: 2s\n");
        string[] planFlags = ["--config", planConfig, "--ignore-preflight-errors=IsPrivilegedUser,CreateJob"];
        try
        {
            var upToDate = await cluster.RunAsync(["upgrade", "plan", .. planFlags]);
            Assert.True(upToDate.ExitCode == 0, upToDate.Output + upToDate.Error);
            Assert.Contains("[upgrade/versions] Cluster version: v1.34.2\n", upToDate.Output);
            Assert.EndsWith("Awesome, you're up-to-date! Enjoy!\n", upToDate.Output);
            Assert.Contains("[upgrade] Running cluster health checks\n", upToDate.Output);
            Assert.Contains("\t[WARNING CreateJob]: Job \"upgrade-health-check\" in the namespace \"kube-system\" did not complete in 2s", upToDate.Error);
            Assert.DoesNotContain("ControlPlaneNodesReady", upToDate.Error);
            Assert.DoesNotContain("StaticPodManifest", upToDate.Error);

            var plan = await cluster.RunAsync(["upgrade", "plan", "v1.34.3", .. planFlags]);
            Assert.True(plan.ExitCode == 0, plan.Output + plan.Error);
            Assert.Contains("Upgrade to the latest version in the v1.34 series:\n", plan.Output);
            Assert.Matches($"\nkubelet +{ClusterPhasesFixture.NodeName} +v1.34.2 +v1.34.3\n", plan.Output);
            Assert.Matches($"\nkube-apiserver +{ClusterPhasesFixture.NodeName} +v1.34.2 +v1.34.3\n", plan.Output);
            Assert.Matches($"\netcd +{ClusterPhasesFixture.NodeName} +3.6.5-0 +3.6.5-0\n", plan.Output);
            Assert.Matches("\nCoreDNS +v1.12.1 +v1.12.1\n", plan.Output);
            Assert.Contains("\tkubeadm upgrade apply v1.34.3\n\nNote: Before you can perform this upgrade, you have to update kubeadm to v1.34.3.\n", plan.Output);
            Assert.Matches("\nkubeproxy.config.k8s.io +v1alpha1 +v1alpha1 +no\nkubelet.config.k8s.io +v1beta1 +v1beta1 +no\n", plan.Output);

            // The policy reads the API server's /version: this bed's binaries are v1.20, which v1.34.3 is far beyond.
            Assert.Contains("'kubeadm upgrade apply v1.34.3' will refuse: Specified version to upgrade to \"v1.34.3\" is too high", plan.Error);
            Assert.Contains("'kubeadm upgrade apply v1.34.3' will need --force: Specified version to upgrade to \"v1.34.3\" is higher than the kubeadm version \"v1.34.2\"", plan.Error);

            var json = await cluster.RunAsync(["upgrade", "plan", "v1.34.3", "-o", "json", .. planFlags]);
            Assert.True(json.ExitCode == 0, json.Output + json.Error);
            using var document = JsonDocument.Parse(json.Output);
            Assert.Equal("UpgradePlan", document.RootElement.GetProperty("kind").GetString());
            var components = document.RootElement.GetProperty("availableUpgrades")[0].GetProperty("components").EnumerateArray()
                .Select(c => c.GetProperty("name").GetString()).ToList();
            Assert.Equal(["kubelet", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy", "CoreDNS", "kubeadm", "etcd"], components);

            // What init's builders write for the stored configuration is what is on disk, but for the startup probes:
            // their failure threshold follows InitConfiguration's controlPlaneComponentHealthCheck (15 s for this bed),
            // which kubeadm-config does not store, so the diff (as kubeadm's) rebuilds them with the 4 min default.
            var same = await cluster.MustRunAsync("upgrade", "diff");
            Assert.Equal(6, ChangedLines(same).Count);
            Assert.Equal(3, CountOf(same, "-      failureThreshold: 2\n+      failureThreshold: 24\n"));

            var diff = await cluster.MustRunAsync("upgrade", "diff", "v1.34.3", "--context-lines", "1");
            foreach (var component in MirroredComponents[..3])
            {
                Assert.Contains($"--- /etc/kubernetes/manifests/{component}.yaml\n+++ new manifest\n", diff);
                Assert.Contains($"-    image: registry.k8s.io/{component}:v1.34.2\n+    image: registry.k8s.io/{component}:v1.34.3\n", diff);
            }

            Assert.Equal(12, ChangedLines(diff).Count);
        }
        finally
        {
            foreach (var component in MirroredComponents)
            {
                await cluster.KubectlAsync("delete", "pod", component, "-n", Ns, "--force", "--grace-period=0", "--ignore-not-found");
            }
        }
    }
}
