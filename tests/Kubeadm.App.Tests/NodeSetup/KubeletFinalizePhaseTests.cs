using Kubeadm.App.NodeSetup;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;

namespace Kubeadm.App.Tests.NodeSetup;

public sealed class KubeletFinalizePhaseTests
{
    private const string KubeletConf = "/etc/kubernetes/kubelet.conf";
    private const string Pem = "/var/lib/kubelet/pki/kubelet-client-current.pem";

    private static NodeSetupFixture WithKubeletConf()
    {
        var fixture = new NodeSetupFixture();
        var kubeconfig = KubeconfigBuilder.WithClientCertificate("https://10.0.0.1:6443", "kubernetes", "system:node:n1", "CA"u8, "CERT"u8, "KEY"u8);
        fixture.FileSystem.WriteAllText(KubeletConf, KubeconfigYamlWriter.Write(kubeconfig), FileModes.Public);
        return fixture;
    }

    [Fact]
    public async Task Should_DoNothing_When_ThereIsNoRotatingCertificate()
    {
        var fixture = WithKubeletConf();
        var before = fixture.FileSystem.ReadAllText(KubeletConf);

        await KubeletFinalizePhase.RunAsync(fixture.Context(), CancellationToken.None);

        Assert.Equal("", fixture.Out.ToString());
        Assert.Equal(before, fixture.FileSystem.ReadAllText(KubeletConf));
        Assert.Empty(fixture.Services.Calls);
    }

    [Fact]
    public async Task Should_PointTheUserAtThePemWritePrivateAndRestart_When_TheRotatingCertificateExists()
    {
        var fixture = WithKubeletConf();
        fixture.FileSystem.WriteAllText(Pem, "PEM", FileModes.Private);

        await KubeletFinalizePhase.RunAsync(fixture.Context(), CancellationToken.None);

        Assert.Equal(
            "[kubelet-finalize] Updating \"/etc/kubernetes/kubelet.conf\" to point to a rotatable kubelet client certificate and key\n",
            fixture.Out.ToString().ReplaceLineEndings("\n"));
        var user = Assert.Single(KubeconfigYamlReader.Read(fixture.FileSystem.ReadAllText(KubeletConf), KubeletConf).Users).UserCredentials;
        Assert.Equal((Pem, Pem), (user.ClientCertificate, user.ClientKey));
        Assert.DoesNotContain("-data", fixture.FileSystem.ReadAllText(KubeletConf).Split("users:")[1]);
        Assert.Equal(FileModes.Private, fixture.FileSystem.GetMode(KubeletConf));
        Assert.Contains(fixture.Services.Calls, c => c.Unit == "kubelet" && c.Action == ServiceAction.Restart);
    }

    [Fact]
    public async Task Should_UseTheKubeletCertDir_When_KubeletExtraArgsSetIt()
    {
        var fixture = WithKubeletConf();
        fixture.Config.Init.NodeRegistration.KubeletExtraArgs = [new Arg("cert-dir", "/opt/kubelet-pki")];
        fixture.FileSystem.WriteAllText("/opt/kubelet-pki/kubelet-client-current.pem", "PEM", FileModes.Private);

        await KubeletFinalizePhase.RunAsync(fixture.Context(), CancellationToken.None);

        Assert.Contains("client-certificate: /opt/kubelet-pki/kubelet-client-current.pem", fixture.FileSystem.ReadAllText(KubeletConf));
    }

    [Fact]
    public async Task Should_StopAfterTheMessage_When_DryRunning()
    {
        var fixture = WithKubeletConf();
        fixture.Config.Init.DryRun = true;
        fixture.FileSystem.WriteAllText(Pem, "PEM", FileModes.Private);
        var before = fixture.FileSystem.ReadAllText(KubeletConf);

        await KubeletFinalizePhase.RunAsync(fixture.Context(), CancellationToken.None);

        Assert.StartsWith("[kubelet-finalize] Updating", fixture.Out.ToString());
        Assert.Equal(before, fixture.FileSystem.ReadAllText(KubeletConf));
        Assert.Empty(fixture.Services.Calls);
    }
}
