using System.Text.Json.Nodes;
using Kubeadm.App.ClusterPhases;
using Kubeadm.App.Tests.Certs;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.ClusterPhases;

public sealed class WaitControlPlanePhaseTests
{
    private const string Kubelet = "http://127.0.0.1:10248/healthz";
    private const string ApiServer = "https://10.0.0.1:6443/livez";
    private const string ControllerManager = "https://127.0.0.1:10257/healthz";
    private const string Scheduler = "https://127.0.0.1:10259/livez";

    [Fact]
    public async Task Should_PrintKubeadmsProgress_When_EverythingBecomesHealthy()
    {
        var fixture = WithManifests(new ClusterPhasesFixture());
        var prober = new FakeHealthProber().FailFirst(Kubelet, 2).FailFirst(ApiServer, 4).FailFirst(Scheduler, 1);

        var output = await fixture.RunAsync((c, ct) => WaitControlPlanePhase.RunAsync(c, prober, ct));

        Assert.Equal(
            "[wait-control-plane] Waiting for the kubelet to boot up the control plane as static Pods from directory \"/etc/kubernetes/manifests\"\n" +
            $"[kubelet-check] Waiting for a healthy kubelet at {Kubelet}. This can take up to 4m0s\n" +
            "[kubelet-check] The kubelet is healthy after 200ms\n" +
            "[control-plane-check] Waiting for healthy control plane components. This can take up to 4m0s\n" +
            $"[control-plane-check] Checking kube-apiserver at {ApiServer}\n" +
            $"[control-plane-check] Checking kube-controller-manager at {ControllerManager}\n" +
            $"[control-plane-check] Checking kube-scheduler at {Scheduler}\n" +
            "[control-plane-check] kube-controller-manager is healthy after 0s\n" +
            "[control-plane-check] kube-scheduler is healthy after 100ms\n" +
            "[control-plane-check] kube-apiserver is healthy after 400ms\n",
            output);
    }

    [Fact]
    public async Task Should_NameTheUnhealthyComponentAndFail_When_ItNeverBecomesHealthy()
    {
        var fixture = WithManifests(new ClusterPhasesFixture
        {
            Config = CertsFixture.NewConfig(c =>
            {
                c.Init.Timeouts.ControlPlaneComponentHealthCheck = TimeSpan.FromSeconds(25);
                c.Init.NodeRegistration.CriSocket = "unix:///var/run/containerd/containerd.sock";
            }),
        });
        var prober = new FakeHealthProber().NeverHealthy(Scheduler);

        var error = await Assert.ThrowsAsync<KubeadmUserException>(() => fixture.RunAsync((c, ct) => WaitControlPlanePhase.RunAsync(c, prober, ct)));

        Assert.Equal("could not initialize a Kubernetes cluster", error.Message);
        var output = fixture.Out.ToString();
        Assert.Contains("[control-plane-check] Waiting for healthy control plane components. This can take up to 25s\n", output);
        Assert.Contains($"[control-plane-check] Still waiting for kube-scheduler after 10s (last error: kube-scheduler check failed at {Scheduler}: Get \"{Scheduler}\": Connection refused)\n", output);
        Assert.Contains("[control-plane-check] kube-scheduler is not healthy after 25s\n", output);
        Assert.Contains($"Unfortunately, an error has occurred:\n\tkube-scheduler check failed at {Scheduler}: Get \"{Scheduler}\": Connection refused\n", output);
        Assert.Contains("Usual causes, and how to check them:\n\t- cgroup driver mismatch", output);
        Assert.Contains("swapon --show", output);
        Assert.Contains("\t- 'systemctl status kubelet'\n\t- 'journalctl -xeu kubelet'\n", output);
        Assert.Contains("\t- 'crictl --runtime-endpoint unix:///var/run/containerd/containerd.sock ps -a | grep kube | grep -v pause'\n", output);
        Assert.Contains("\t- 'crictl --runtime-endpoint unix:///var/run/containerd/containerd.sock logs CONTAINERID'\n", output);
        Assert.DoesNotContain("kube-apiserver is not healthy", output);
    }

    [Fact]
    public async Task Should_ExplainTheKubeletCall_When_TheKubeletNeverBecomesHealthy()
    {
        var fixture = WithManifests(new ClusterPhasesFixture
        {
            Config = CertsFixture.NewConfig(c => c.Init.Timeouts.KubeletHealthCheck = TimeSpan.FromSeconds(3)),
        });
        var prober = new FakeHealthProber().NeverHealthy(Kubelet);

        await Assert.ThrowsAsync<KubeadmUserException>(() => fixture.RunAsync((c, ct) => WaitControlPlanePhase.RunAsync(c, prober, ct)));

        var output = fixture.Out.ToString();
        Assert.Contains("[kubelet-check] The kubelet is not healthy after 3s\n", output);
        Assert.Contains($"\tThe HTTP call equal to 'curl -sSL {Kubelet}' returned error: Get \"{Kubelet}\": Connection refused\n", output);
        Assert.DoesNotContain("[control-plane-check]", output);
        Assert.All(prober.Calls, call => Assert.Equal(Kubelet, call));
    }

    [Fact]
    public async Task Should_SkipTheKubeletCheck_When_HealthzPortIsZero()
    {
        var fixture = WithManifests(new ClusterPhasesFixture
        {
            Config = CertsFixture.NewConfig(c => c.ComponentConfigs.Add(new ComponentConfigDocument(
                "kubelet.config.k8s.io/v1beta1", "KubeletConfiguration", new JsonObject { ["healthzPort"] = 0 }))),
        });
        var prober = new FakeHealthProber();

        var output = await fixture.RunAsync((c, ct) => WaitControlPlanePhase.RunAsync(c, prober, ct));

        Assert.Contains("[kubelet-check] Skipping the kubelet health check because the healthz port is set to 0\n", output);
        Assert.DoesNotContain(Kubelet, prober.Calls);
        Assert.Equal(3, prober.Calls.Count);
    }

    [Fact]
    public async Task Should_ProbeTheUsersHealthzPort_When_TheKubeletConfigurationComesFromYaml()
    {
        // The YAML decoder stores integers as long; a port of 40123 must not fall back to 10248.
        var fixture = WithManifests(new ClusterPhasesFixture
        {
            Config = CertsFixture.NewConfig(c => c.ComponentConfigs.Add(new ComponentConfigDocument(
                "kubelet.config.k8s.io/v1beta1", "KubeletConfiguration", new JsonObject { ["healthzPort"] = 40123L }))),
        });
        var prober = new FakeHealthProber();

        var output = await fixture.RunAsync((c, ct) => WaitControlPlanePhase.RunAsync(c, prober, ct));

        Assert.Contains("[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:40123/healthz.", output);
        Assert.Contains("http://127.0.0.1:40123/healthz", prober.Calls);
        Assert.DoesNotContain(Kubelet, prober.Calls);
    }

    [Fact]
    public async Task Should_ProbeTheAddressesInTheManifests_When_FlagsOverrideTheDefaults()
    {
        var fixture = WithManifests(new ClusterPhasesFixture(), apiServerFlags: ["--advertise-address=192.0.2.7", "--secure-port=8443"], schedulerFlags: ["--secure-port=20259"]);
        var prober = new FakeHealthProber();

        var output = await fixture.RunAsync((c, ct) => WaitControlPlanePhase.RunAsync(c, prober, ct));

        Assert.Contains("[control-plane-check] Checking kube-apiserver at https://192.0.2.7:8443/livez\n", output);
        Assert.Contains("[control-plane-check] Checking kube-scheduler at https://127.0.0.1:20259/livez\n", output);
        Assert.Contains("https://192.0.2.7:8443/livez", prober.Calls);
    }

    [Fact]
    public async Task Should_FailWithTroubleshooting_When_AManifestIsMissing()
    {
        var fixture = new ClusterPhasesFixture();

        await Assert.ThrowsAsync<KubeadmUserException>(() => fixture.RunAsync((c, ct) => WaitControlPlanePhase.RunAsync(c, new FakeHealthProber(), ct)));

        var output = fixture.Out.ToString();
        Assert.Contains("failed to read manifest for \"/etc/kubernetes/manifests/kube-apiserver.yaml\"", output);
        Assert.Contains("Unfortunately, an error has occurred:", output);
    }

    [Fact]
    public async Task Should_OnlySayWhatWouldBeWaitedFor_When_DryRunning()
    {
        var fixture = WithManifests(new ClusterPhasesFixture { Config = CertsFixture.NewConfig(c => c.Init.DryRun = true) });
        var prober = new FakeHealthProber();

        var output = await fixture.RunAsync((c, ct) => WaitControlPlanePhase.RunAsync(c, prober, ct));

        Assert.Empty(prober.Calls);
        Assert.Equal(
            $"[dryrun] Wrote certificates, kubeconfig files and control plane manifests to the \"{ClusterPhasesFixture.DryRunDirectory}\" directory\n" +
            "[dryrun] The certificates or kubeconfig files would not be printed due to their sensitive nature\n" +
            $"[dryrun] Please examine the \"{ClusterPhasesFixture.DryRunDirectory}\" directory for details about what would be written\n" +
            "[wait-control-plane] Waiting for the kubelet to boot up the control plane as static Pods from directory \"/etc/kubernetes/manifests\"\n" +
            $"[dryrun] Would make sure the kubelet returns 'ok' at {Kubelet}\n" +
            $"[dryrun] Would wait for kube-apiserver to be healthy at {ApiServer}\n" +
            $"[dryrun] Would wait for kube-controller-manager to be healthy at {ControllerManager}\n" +
            $"[dryrun] Would wait for kube-scheduler to be healthy at {Scheduler}\n",
            output);
    }

    private static ClusterPhasesFixture WithManifests(
        ClusterPhasesFixture fixture, string[]? apiServerFlags = null, string[]? schedulerFlags = null)
    {
        Write(fixture, "kube-apiserver", apiServerFlags ?? ["--advertise-address=10.0.0.1", "--secure-port=6443"]);
        Write(fixture, "kube-controller-manager", ["--bind-address=127.0.0.1"]);
        Write(fixture, "kube-scheduler", schedulerFlags ?? ["--bind-address=127.0.0.1"]);
        return fixture;
    }

    private static void Write(ClusterPhasesFixture fixture, string component, string[] flags)
    {
        var yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + component + "\nspec:\n  containers:\n  - command:\n    - " + component + "\n" +
            string.Concat(flags.Select(flag => "    - " + flag + "\n")) + "    name: " + component + "\n";
        fixture.FileSystem.WriteAllText($"/etc/kubernetes/manifests/{component}.yaml", yaml, FileModes.Private);
    }
}
