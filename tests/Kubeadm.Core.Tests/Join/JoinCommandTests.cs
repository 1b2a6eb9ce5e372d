using Kubeadm.Core.Join;

namespace Kubeadm.Core.Tests.Join;

public sealed class JoinCommandTests
{
    private const string Token = "abcdef.0123456789abcdef";
    private const string Key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static readonly JoinTarget Target = new("10.0.0.1:6443", ["sha256:aaaa", "sha256:bbbb"]);

    [Fact]
    public void Should_EndWithASpaceAfterTheHashes_When_FormattingTheWorkerCommand()
    {
        Assert.Equal(
            "kubeadm join 10.0.0.1:6443 --token abcdef.0123456789abcdef \\\n\t--discovery-token-ca-cert-hash sha256:aaaa --discovery-token-ca-cert-hash sha256:bbbb ",
            JoinCommand.Worker(Target, Token));
    }

    [Fact]
    public void Should_AddTheControlPlaneLineWithTheKey_When_AKeyIsKnown()
    {
        Assert.Equal(
            "kubeadm join 10.0.0.1:6443 --token abcdef.0123456789abcdef \\\n\t--discovery-token-ca-cert-hash sha256:aaaa --discovery-token-ca-cert-hash sha256:bbbb \\\n\t--control-plane --certificate-key " + Key,
            JoinCommand.ControlPlane(Target, Token, Key));
    }

    [Fact]
    public void Should_EndWithControlPlaneAndASpace_When_NoKeyIsKnown()
    {
        Assert.EndsWith("sha256:bbbb \\\n\t--control-plane ", JoinCommand.ControlPlane(Target, Token, ""));
    }

    [Fact]
    public void Should_ShowValueWithheld_When_TokenAndKeyPrintingAreSkipped()
    {
        var command = JoinCommand.ControlPlane(Target, Token, Key, withholdToken: true, withholdCertificateKey: true);

        Assert.Equal(
            "kubeadm join 10.0.0.1:6443 --token <value withheld> \\\n\t--discovery-token-ca-cert-hash sha256:aaaa --discovery-token-ca-cert-hash sha256:bbbb \\\n\t--control-plane --certificate-key <value withheld>",
            command);
        Assert.DoesNotContain("0123456789abcdef", command);
    }

    [Fact]
    public void Should_KeepTheBrackets_When_TheEndpointIsIPv6()
    {
        Assert.StartsWith("kubeadm join [fd00::1]:6443 --token ", JoinCommand.Worker(new JoinTarget("[fd00::1]:6443", ["sha256:aaaa"]), Token));
    }

    [Fact]
    public void Should_BeOneLineWithTheTrailingSpace_When_MadeSingleLine()
    {
        Assert.Equal(
            "kubeadm join 10.0.0.1:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:aaaa --discovery-token-ca-cert-hash sha256:bbbb ",
            JoinCommand.SingleLine(JoinCommand.Worker(Target, Token)));
        Assert.Equal(
            "kubeadm join 10.0.0.1:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:aaaa --discovery-token-ca-cert-hash sha256:bbbb --control-plane --certificate-key " + Key,
            JoinCommand.SingleLine(JoinCommand.ControlPlane(Target, Token, Key)));
    }
}
