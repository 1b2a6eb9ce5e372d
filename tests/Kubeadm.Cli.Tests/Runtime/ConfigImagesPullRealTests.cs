using System.Diagnostics;
using Kubeadm.App.Preflight;
using Kubeadm.App.Runtime;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Preflight;
using Xunit.Abstractions;

namespace Kubeadm.Cli.Tests.Runtime;

/// <summary>
/// `kubeadm config images pull` and preflight's ImagePull and CRI checks against Debian's containerd pulling from a
/// real docker-registry on loopback. Wall times of the serial and parallel pulls are written to the test output.
/// </summary>
[Trait("Category", "RealTools")]
public sealed class ConfigImagesPullRealTests(ControlPlaneImagesRegistry registry, ITestOutputHelper output) : IClassFixture<ControlPlaneImagesRegistry>
{
    [Fact]
    public async Task Should_PullAllSevenImagesIntoContainerd_When_PulledSeriallyThenInParallel()
    {
        var serial = await PullIntoFreshContainerdAsync(serialPulls: true);
        var parallel = await PullIntoFreshContainerdAsync(serialPulls: false);

        output.WriteLine($"config images pull, 7 images: serial {serial.TotalMilliseconds:F0} ms, parallel {parallel.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Should_FailNamingTheImageAndTheRegistryAnswer_When_AnImageIsMissing()
    {
        await using var containerd = await ContainerdProcess.StartAsync("unused/pause:1", [registry.Registry.Host]);

        var run = await RealHostCli.RunAsync(
            "config", "images", "pull", "--image-repository", registry.Repository, "--kubernetes-version", "v1.34.1", "--cri-socket", containerd.Endpoint);

        Assert.Equal(1, run.ExitCode);
        var image = $"{registry.Repository}/kube-apiserver:v1.34.1";
        Assert.Contains($"failed to pull image \"{image}\": failed to pull image {image}: rpc error: code = NotFound", run.Error);
        Assert.Contains("not found", run.Error);
        Assert.DoesNotContain("[config/images] Pulled", run.Output);
    }

    [Fact]
    public async Task Should_FailNamingTheImageAndTheConnectionError_When_TheRegistryIsUnreachable()
    {
        await using var containerd = await ContainerdProcess.StartAsync("unused/pause:1");
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var run = await RealHostCli.RunAsync(
            "config", "images", "pull", "--image-repository", $"127.0.0.1:{port}/k8s", "--cri-socket", containerd.Endpoint);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"failed to pull image \"127.0.0.1:{port}/k8s/kube-apiserver:v1.34.2\"", run.Error);
        Assert.Contains("connection refused", run.Error);
    }

    [Fact]
    public async Task Should_FailNamingTheSocket_When_NoRuntimeListensThere()
    {
        var socket = $"/tmp/kubeadm-no-runtime-{Guid.NewGuid():N}.sock";

        var run = await RealHostCli.RunAsync("config", "images", "pull", "--image-repository", registry.Repository, "--cri-socket", "unix://" + socket);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(
            $"container runtime is not running: cannot connect to the container runtime at \"unix://{socket}\": dial unix {socket}: connect: no such file or directory",
            run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Should_RejectTheEndpoint_When_TheCriSocketIsNotAUnixSocket()
    {
        var run = await RealHostCli.RunAsync("config", "images", "pull", "--cri-socket", "tcp://127.0.0.1:1234");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("invalid CRI endpoint \"tcp://127.0.0.1:1234\": only unix sockets are supported", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Should_FailTheCriCheckClearly_When_TheSocketIsNoRuntime()
    {
        var socketPath = $"/tmp/kubeadm-not-cri-{Guid.NewGuid():N}.sock";
        using var listener = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        listener.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(socketPath));
        listener.Listen();
        using var stop = new CancellationTokenSource();
        var closer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var connection = await listener.AcceptAsync(stop.Token);
            }
        });
        try
        {
            var report = await RunChecksAsync(NodeChecks.ContainerRuntime(() => new CriContainerRuntime("unix://" + socketPath, socketPath)));

            var finding = Assert.Single(report.Errors);
            Assert.StartsWith($"container runtime is not running: cannot connect to the container runtime at \"unix://{socketPath}\"", finding.Message);
        }
        finally
        {
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => closer);
            File.Delete(socketPath);
        }
    }

    [Fact]
    public async Task Should_PassTheCriCheck_When_ContainerdIsReady()
    {
        await using var containerd = await ContainerdProcess.StartAsync("unused/pause:1");

        var report = await RunChecksAsync(NodeChecks.ContainerRuntime(() => CriContainerRuntime.For(new Kubeadm.App.Host.PhysicalFileSystem("/"), containerd.Endpoint)));

        Assert.Empty(report.Findings);
    }

    [Fact]
    public async Task Should_FailNamingTheAbsentImages_When_PolicyIsNever()
    {
        await using var containerd = await ContainerdProcess.StartAsync(registry.Images.Single(i => i.Contains("/pause:")), [registry.Registry.Host]);
        var config = Config(containerd.Endpoint, policy: "Never");
        var present = registry.Images.Where(image => !image.Contains("/etcd:")).ToList();
        var pull = await RealHostCli.RunAsync("config", "images", "pull", "--image-repository", registry.Repository, "--cri-socket", containerd.Endpoint);
        Assert.True(pull.ExitCode == 0, pull.Error);
        await containerd.CtrAsync(["images", "rm", registry.Images.Single(i => i.Contains("/etcd:"))]);

        var report = await RunChecksAsync(ImagePullCheck.Create(config, () => Connect(containerd), TextWriter.Null, verbosity: 0));

        var finding = Assert.Single(report.Errors);
        Assert.StartsWith($"image {registry.Repository}/etcd:3.6.5-0 is not present on the node and nodeRegistration.imagePullPolicy is Never", finding.Message);
        Assert.DoesNotContain(present, image => finding.Message.Contains(image));
    }

    [Fact]
    public async Task Should_PullOnlyMissingImagesInParallelAndWarnAboutTheSandboxImage_When_PolicyIsIfNotPresent()
    {
        await using var containerd = await ContainerdProcess.StartAsync("registry.k8s.io/pause:3.6", [registry.Registry.Host]);
        var config = Config(containerd.Endpoint, policy: "IfNotPresent");
        config.Init.NodeRegistration.ImagePullSerial = false;
        var err = new StringWriter();

        var report = await RunChecksAsync(ImagePullCheck.Create(config, () => Connect(containerd), err, verbosity: 1));

        Assert.Empty(report.Findings);
        Assert.Contains(
            $"detected that the sandbox image \"registry.k8s.io/pause:3.6\" of the container runtime is inconsistent with that used by kubeadm. It is recommended to use \"{registry.Repository}/pause:3.10.1\" as the CRI sandbox image.",
            err.ToString());
        Assert.Contains("pulling all images in parallel", err.ToString());
        Assert.Equal(registry.Images.Order(), (await containerd.ImageNamesAsync()).Where(name => !name.StartsWith("sha256:") && !name.Contains('@')).Order());

        var again = new StringWriter();
        Assert.Empty((await RunChecksAsync(ImagePullCheck.Create(config, () => Connect(containerd), again, verbosity: 1))).Findings);
        Assert.Equal(7, again.ToString().Split('\n').Count(line => line.StartsWith("image exists: ")));
    }

    private async Task<TimeSpan> PullIntoFreshContainerdAsync(bool serialPulls)
    {
        await using var containerd = await ContainerdProcess.StartAsync(registry.Images.Single(i => i.Contains("/pause:")), [registry.Registry.Host]);
        var configPath = Path.Combine(containerd.WorkDirectory, "kubeadm.yaml");
        await File.WriteAllTextAsync(configPath, $"""
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: InitConfiguration
            nodeRegistration:
              criSocket: {containerd.Endpoint}
              imagePullSerial: {(serialPulls ? "true" : "false")}
            ---
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ClusterConfiguration
            imageRepository: {registry.Repository}
            """);

        var clock = Stopwatch.StartNew();
        var run = await RealHostCli.RunAsync("config", "images", "pull", "--config", configPath);
        clock.Stop();

        Assert.True(run.ExitCode == 0, $"{run.Error}\ncontainerd:\n{containerd.LogTail()}");
        var pulled = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(pulled, line => Assert.StartsWith("[config/images] Pulled ", line));
        var pulledImages = pulled.Select(line => line["[config/images] Pulled ".Length..]).ToList();
        if (serialPulls)
        {
            Assert.Equal(registry.Images, pulledImages);
        }
        else
        {
            Assert.Equal(registry.Images.Order(), pulledImages.Order());
        }

        Assert.Equal(registry.Images.Order(), (await containerd.ImageNamesAsync()).Where(name => !name.StartsWith("sha256:") && !name.Contains('@')).Order());
        return clock.Elapsed;
    }

    private KubeadmConfig Config(string endpoint, string policy)
    {
        var config = new KubeadmConfig();
        config.Cluster.ImageRepository = registry.Repository;
        config.Cluster.KubernetesVersion = "v1.34.2";
        Kubeadm.Core.Configuration.Defaulting.ConfigDefaults.Apply(config);
        config.Init.NodeRegistration.CriSocket = endpoint;
        config.Init.NodeRegistration.ImagePullPolicy = policy;
        return config;
    }

    private static CriContainerRuntime Connect(ContainerdProcess containerd) => new(containerd.Endpoint, containerd.Socket);

    private static Task<PreflightReport> RunChecksAsync(PreflightCheck check) =>
        PreflightChecksRunner.RunAsync([check], new IgnoredPreflightErrors([]), TextWriter.Null, default);
}
