using Kubeadm.App.Host;
using Kubeadm.App.Init;
using Kubeadm.App.Tests.Host;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.Tests.KubeConfig;

/// <summary>All five kubeconfig files written once, with real RSA keys, under a temporary rootfs.</summary>
public sealed class RealToolsKubeconfigs : IDisposable
{
    private readonly TemporaryDirectory _rootfs = new();

    public RealToolsKubeconfigs()
    {
        Fixture = new KubeconfigPhaseFixture(new PhysicalFileSystem(_rootfs.Path), new SystemKeyGenerator(), DateTimeOffset.UtcNow).WithCa();
        KubeconfigPhaseFixture.RunAsync(Fixture.Context(new InitOptions { ControlPlaneEndpoint = "lb.example.com:7443" })).GetAwaiter().GetResult();
    }

    public KubeconfigPhaseFixture Fixture { get; }

    public string RealPath(string hostPath) => Path.Join(_rootfs.Path, hostPath);

    public void Dispose() => _rootfs.Dispose();
}
