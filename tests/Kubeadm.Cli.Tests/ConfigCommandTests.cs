using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Cli.Tests;

public sealed class ConfigCommandTests
{
    [Fact]
    public async Task Should_PrintDefaultsThatDecodeBack_When_PrintInitDefaultsRuns()
    {
        var run = await new CliHarness().RunAsync("config", "print", "init-defaults");

        Assert.Equal(0, run.ExitCode);
        var decoded = KubeadmConfigDecoder.Decode(run.Output, "stdout");
        Assert.Equal("abcdef.0123456789abcdef", decoded.Config.Init.BootstrapTokens[0].Token);
        Assert.Equal("10.96.0.0/12", decoded.Config.Cluster.Networking.ServiceSubnet);
    }

    [Fact]
    public async Task Should_ListImagesInKubeadmsOrder_When_ImagesListRuns()
    {
        var run = await new CliHarness().RunAsync("config", "images", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "registry.k8s.io/kube-apiserver:v1.34.2",
                "registry.k8s.io/kube-controller-manager:v1.34.2",
                "registry.k8s.io/kube-scheduler:v1.34.2",
                "registry.k8s.io/kube-proxy:v1.34.2",
                "registry.k8s.io/coredns/coredns:v1.12.1",
                "registry.k8s.io/pause:3.10.1",
                "registry.k8s.io/etcd:3.6.5-0",
            ],
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Should_HonourRepositoryVersionAndDisabledAddons_When_ImagesListReadsAConfig()
    {
        var harness = new CliHarness().WithUserFile("c.yaml", """
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ClusterConfiguration
            kubernetesVersion: v1.33.4
            imageRepository: mirror.example.com/k8s
            dns:
              disabled: true
            etcd:
              external:
                endpoints: ["https://10.0.0.5:2379"]
            """);

        var run = await harness.RunAsync("config", "images", "list", "--config", "c.yaml");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "mirror.example.com/k8s/kube-apiserver:v1.33.4",
                "mirror.example.com/k8s/kube-controller-manager:v1.33.4",
                "mirror.example.com/k8s/kube-scheduler:v1.33.4",
                "mirror.example.com/k8s/kube-proxy:v1.33.4",
                "mirror.example.com/k8s/pause:3.10.1",
            ],
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Should_SayOk_When_ConfigIsValid()
    {
        var harness = new CliHarness().WithUserFile("ok.yaml", "apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nnodeRegistration:\n  name: cp-1\n");

        var run = await harness.RunAsync("config", "validate", "--config", "ok.yaml");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("ok\n", run.Output);
    }

    [Fact]
    public async Task Should_NameFileLineAndField_When_ConfigHasAnUnknownField()
    {
        var harness = new CliHarness().WithUserFile("bad.yaml", "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking:\n  serviceSubent: 10.96.0.0/12\n");

        var run = await harness.RunAsync("config", "validate", "--config", "bad.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("bad.yaml", run.Error);
        Assert.Contains("line 4", run.Error);
        Assert.Contains("serviceSubent", run.Error);
    }

    [Fact]
    public async Task Should_FailClearly_When_ValidateHasNoConfig()
    {
        var run = await new CliHarness().RunAsync("config", "validate");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--config", run.Error);
    }

    [Fact]
    public async Task Should_WriteV1Beta4_When_MigratingAV1Beta3File()
    {
        var harness = new CliHarness().WithUserFile("old.yaml", """
            apiVersion: kubeadm.k8s.io/v1beta3
            kind: ClusterConfiguration
            apiServer:
              timeoutForControlPlane: 5m0s
              extraArgs:
                audit-log-maxage: "30"
            """);

        var run = await harness.RunAsync("config", "migrate", "--old-config", "old.yaml");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("apiVersion: kubeadm.k8s.io/v1beta4", run.Output);
        Assert.Contains("name: audit-log-maxage", run.Output);
        Assert.DoesNotContain("timeoutForControlPlane", run.Output);
    }

    [Fact]
    public async Task Should_SayWhichFileIsMissing_When_ConfigFileDoesNotExist()
    {
        var run = await new CliHarness().RunAsync("config", "validate", "--config", "nope.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("unable to read config from \"nope.yaml\"", run.Error);
    }

    [Fact]
    public async Task Should_PrintPulledForEveryImageInListOrder_When_PullingImages()
    {
        var harness = new CliHarness();

        var run = await harness.RunAsync("config", "images", "pull", "--image-repository", "registry.example:5000/k8s");

        Assert.Equal(0, run.ExitCode);
        var images = (await new CliHarness().RunAsync("config", "images", "list", "--image-repository", "registry.example:5000/k8s")).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Concat(images.Select(image => $"[config/images] Pulled {image}\n")), run.Output);
        Assert.Equal(images, harness.Runtime.Pulls);
    }

    [Fact]
    public async Task Should_StopAtTheFirstFailureNamingTheImage_When_APullFails()
    {
        var harness = new CliHarness();
        harness.Runtime.PullFailures["registry.k8s.io/kube-controller-manager:v1.34.2"] = "rpc error: code = NotFound desc = not found";

        var run = await harness.RunAsync("config", "images", "pull");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("[config/images] Pulled registry.k8s.io/kube-apiserver:v1.34.2\n", run.Output);
        Assert.Contains(
            "failed to pull image \"registry.k8s.io/kube-controller-manager:v1.34.2\": failed to pull image registry.k8s.io/kube-controller-manager:v1.34.2: rpc error: code = NotFound desc = not found",
            run.Error);
    }
}
