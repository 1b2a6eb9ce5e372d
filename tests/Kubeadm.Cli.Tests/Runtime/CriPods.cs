using Grpc.Net.Client;
using Kubeadm.App.Runtime;
using Kubeadm.Cli.Tests.Runtime.CriTest;
using Kubeadm.Core.Runtime;

namespace Kubeadm.Cli.Tests.Runtime;

/// <summary>
/// Runs pods through CRI the way the kubelet does (RunPodSandbox on the node's network, CreateContainer with the
/// kubelet's labels, StartContainer) and counts what the runtime still has — the test's view, independent of kubeadm.
/// </summary>
internal sealed class CriPods : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly RuntimeService.RuntimeServiceClient _client;
    private readonly string _logRoot;

    public CriPods(string socketPath, string logRoot)
    {
        _channel = UnixSocketGrpcChannel.Create(socketPath);
        _client = new RuntimeService.RuntimeServiceClient(_channel);
        _logRoot = logRoot;
    }

    /// <summary>Starts pod <paramref name="podName"/> in <paramref name="podNamespace"/> with one container; returns the container id.</summary>
    public async Task<string> RunAsync(string podNamespace, string podName, string containerName, string image, params string[] command)
    {
        var uid = Guid.NewGuid().ToString();
        var sandbox = new PodSandboxConfig
        {
            Metadata = new PodSandboxMetadata { Name = podName, Namespace = podNamespace, Uid = uid },
            LogDirectory = Path.Combine(_logRoot, $"{podNamespace}_{podName}_{uid}"),
            Linux = new LinuxPodSandboxConfig
            {
                SecurityContext = new LinuxSandboxSecurityContext
                {
                    NamespaceOptions = new NamespaceOption { Network = NamespaceMode.Node, Pid = NamespaceMode.Container },
                },
            },
        };
        sandbox.Labels[CriLabels.PodName] = podName;
        sandbox.Labels[CriLabels.PodNamespace] = podNamespace;
        Directory.CreateDirectory(sandbox.LogDirectory);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var sandboxId = (await _client.RunPodSandboxAsync(new RunPodSandboxRequest { Config = sandbox }, deadline: deadline)).PodSandboxId;
        var container = new ContainerConfig
        {
            Metadata = new ContainerMetadata { Name = containerName },
            Image = new ImageSpec { Image = image },
            LogPath = $"{containerName}/0.log",
        };
        container.Command.AddRange(command);
        container.Labels[CriLabels.PodName] = podName;
        container.Labels[CriLabels.PodNamespace] = podNamespace;
        container.Labels[CriLabels.ContainerName] = containerName;
        container.Annotations[CriLabels.RestartCount] = "0";
        var containerId = (await _client.CreateContainerAsync(
            new CreateContainerRequest { PodSandboxId = sandboxId, Config = container, SandboxConfig = sandbox }, deadline: deadline)).ContainerId;
        await _client.StartContainerAsync(new StartContainerRequest { ContainerId = containerId }, deadline: deadline);
        return containerId;
    }

    public async Task<int> SandboxCountAsync() =>
        (await _client.ListPodSandboxAsync(new ListPodSandboxRequest(), deadline: DateTime.UtcNow.AddSeconds(10))).Items.Count;

    public async Task<int> ContainerCountAsync() =>
        (await _client.ListContainersAsync(new ListContainersRequest(), deadline: DateTime.UtcNow.AddSeconds(10))).Containers.Count;

    public void Dispose() => _channel.Dispose();
}
