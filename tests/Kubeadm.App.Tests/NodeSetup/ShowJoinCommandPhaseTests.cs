using Kubeadm.App.NodeSetup;
using Kubeadm.Core.Join;

namespace Kubeadm.App.Tests.NodeSetup;

public sealed class ShowJoinCommandPhaseTests
{
    private const string Key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task Should_PrintOnlyTheWorkerCommand_When_ThereIsNoControlPlaneEndpoint()
    {
        var fixture = new NodeSetupFixture().WithAdminConf();

        await ShowJoinCommandPhase.RunAsync(fixture.Context(), CancellationToken.None);

        var hash = CaCertificatePin.Hash(fixture.Ca);
        var text = fixture.Out.ToString();
        Assert.StartsWith("\nYour Kubernetes control-plane has initialized successfully!\n", text);
        Assert.EndsWith(
            "Then you can join any number of worker nodes by running the following on each as root:\n\n" +
            $"kubeadm join 10.0.0.1:6443 --token abcdef.0123456789abcdef \\\n\t--discovery-token-ca-cert-hash {hash} \n",
            text);
        Assert.DoesNotContain("--control-plane", text);
    }

    [Fact]
    public async Task Should_PrintTheControlPlaneCommandWithTheKey_When_CertificatesWereUploaded()
    {
        var fixture = new NodeSetupFixture().WithAdminConf("https://cp.example:6443");
        fixture.Config.Cluster.ControlPlaneEndpoint = "cp.example:6443";
        fixture.Options = fixture.Options with { UploadCerts = true, CertificateKey = Key };

        await ShowJoinCommandPhase.RunAsync(fixture.Context(), CancellationToken.None);

        var hash = CaCertificatePin.Hash(fixture.Ca);
        Assert.Contains(
            "You can now join any number of the control-plane node running the following command on each as root:\n\n" +
            $"  kubeadm join cp.example:6443 --token abcdef.0123456789abcdef \\\n\t--discovery-token-ca-cert-hash {hash} \\\n\t--control-plane --certificate-key {Key}\n\n" +
            "Please note that the certificate-key gives access to cluster sensitive data, keep it secret!\n",
            fixture.Out.ToString());
    }

    [Fact]
    public async Task Should_UseTheKeyUploadCertsGenerated_When_TheUserGaveNone()
    {
        var fixture = new NodeSetupFixture().WithAdminConf("https://cp.example:6443");
        fixture.Config.Cluster.ControlPlaneEndpoint = "cp.example:6443";
        fixture.Options = fixture.Options with { UploadCerts = true };
        var context = fixture.Context();
        context.UploadedCertificateKey = Key;

        await ShowJoinCommandPhase.RunAsync(context, CancellationToken.None);

        Assert.Contains($"\\\n\t--control-plane --certificate-key {Key}\n\n", fixture.Out.ToString());
    }

    [Fact]
    public async Task Should_WithholdTheTokenAndKey_When_TheirPrintingIsSkipped()
    {
        var fixture = new NodeSetupFixture().WithAdminConf("https://[fd00::10]:6443");
        fixture.Config.Cluster.ControlPlaneEndpoint = "[fd00::10]:6443";
        fixture.Options = fixture.Options with { UploadCerts = true, CertificateKey = Key, SkipTokenPrint = true, SkipCertificateKeyPrint = true };

        await ShowJoinCommandPhase.RunAsync(fixture.Context(), CancellationToken.None);

        var text = fixture.Out.ToString();
        Assert.DoesNotContain("0123456789abcdef", text);
        Assert.Contains("  kubeadm join [fd00::10]:6443 --token <value withheld> \\\n", text);
        Assert.Contains("--control-plane --certificate-key <value withheld>\n", text);
    }

    [Fact]
    public async Task Should_OfferTheCopyVariant_When_CertificatesWereNotUploaded()
    {
        var fixture = new NodeSetupFixture().WithAdminConf("https://cp.example:6443");
        fixture.Config.Cluster.ControlPlaneEndpoint = "cp.example:6443";

        await ShowJoinCommandPhase.RunAsync(fixture.Context(), CancellationToken.None);

        var text = fixture.Out.ToString();
        Assert.Contains("by copying certificate authorities\nand service account keys on each node", text);
        Assert.Contains("\\\n\t--control-plane \n\nThen you can join", text);
    }
}
