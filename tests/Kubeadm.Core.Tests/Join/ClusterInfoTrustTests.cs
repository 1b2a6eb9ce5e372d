using Kubeadm.Core.BootstrapTokens;
using Kubeadm.Core.Join;

namespace Kubeadm.Core.Tests.Join;

public sealed class ClusterInfoTrustTests
{
    private static readonly BootstrapTokenString Token = new("abcdef", "0123456789abcdef");

    [Fact]
    public void Should_MatchTheBootstrapSignerTestVector_When_SigningWithTheTokenSecretOnly()
    {
        // kube-controller-manager's bootstrapsigner unit test: id abc123, secret tokenSecret, payload "payload".
        Assert.Equal(
            "eyJhbGciOiJIUzI1NiIsImtpZCI6ImFiYzEyMyJ9..QSxpUG7Q542CirTI2ECPSZjvBOJURUW5a7XqFpNI958",
            ClusterInfoSignature.ComputeDetached("payload", "abc123", "tokenSecret"));
        Assert.True(ClusterInfoSignature.Verify(
            "eyJhbGciOiJIUzI1NiIsImtpZCI6ImFiYzEyMyJ9..QSxpUG7Q542CirTI2ECPSZjvBOJURUW5a7XqFpNI958", "payload", "abc123", "tokenSecret"));
    }

    [Fact]
    public void Should_RejectTheSignature_When_PayloadSecretOrTokenIdDiffer()
    {
        var signature = ClusterInfoSignature.ComputeDetached("payload", "abc123", "tokenSecret");

        Assert.False(ClusterInfoSignature.Verify(signature, "payload!", "abc123", "tokenSecret"));
        Assert.False(ClusterInfoSignature.Verify(signature, "payload", "abc123", "otherSecret"));
        Assert.False(ClusterInfoSignature.Verify(signature, "payload", "zzz999", "tokenSecret"));
        Assert.False(ClusterInfoSignature.Verify("not-a-jws", "payload", "abc123", "tokenSecret"));
    }

    [Fact]
    public void Should_ReturnTheKubeconfig_When_TheTokensSignatureVerifies()
    {
        var data = SignedData("kubeconfig-text", Token);

        Assert.Equal("kubeconfig-text", ClusterInfoTrust.VerifySignedKubeconfig(data, Token));
    }

    [Fact]
    public void Should_SayTheTokenIsUnknownOrExpired_When_NoSignatureForItsId()
    {
        var data = SignedData("kubeconfig-text", new BootstrapTokenString("zzzzzz", "0123456789abcdef"));

        var error = Assert.Throws<DiscoveryException>(() => ClusterInfoTrust.VerifySignedKubeconfig(data, Token));
        Assert.Equal(
            "token id \"abcdef\" is invalid for this cluster or it has expired. Use \"kubeadm token create\" on the control-plane node to create a new valid token",
            error.Message);
    }

    [Fact]
    public void Should_RefuseToTrustTheServer_When_TheSignatureWasMadeWithAnotherSecret()
    {
        var data = SignedData("kubeconfig-text", new BootstrapTokenString("abcdef", "ffffffffffffffff"));

        var error = Assert.Throws<DiscoveryException>(() => ClusterInfoTrust.VerifySignedKubeconfig(data, Token));
        Assert.Equal("failed to verify JWS signature of received cluster info object, can't trust this API Server", error.Message);
    }

    [Fact]
    public void Should_SayTheServerIsNotSetUpForBootstrap_When_ThereIsNoKubeconfigKey()
    {
        var error = Assert.Throws<DiscoveryException>(() => ClusterInfoTrust.VerifySignedKubeconfig(new Dictionary<string, string>(), Token));
        Assert.StartsWith("there is no kubeconfig key in the cluster-info ConfigMap", error.Message);
    }

    [Fact]
    public void Should_AcceptAnyPin_When_OneOfSeveralMatches_AndNameEveryCaKey_When_NoneMatches()
    {
        var ca = TestCertificates.RsaCa();
        var cluster = new k8s.KubeConfigModels.ClusterEndpoint { Server = "https://10.0.0.1:6443", CertificateAuthorityData = TestCertificates.Base64Pem(ca) };
        var certificates = ClusterInfoTrust.CaCertificates(cluster);
        var pin = CaCertificatePin.Hash(ca);
        var other = "sha256:" + new string('0', 64);

        ClusterInfoTrust.RequirePinned(certificates, [other, pin.ToUpperInvariant().Replace("SHA256:", "sha256:", StringComparison.Ordinal)]);
        var error = Assert.Throws<DiscoveryException>(() => ClusterInfoTrust.RequirePinned(certificates, [other]));
        Assert.Equal($"cluster CA found in cluster-info ConfigMap is invalid: none of the public keys \"{pin}\" are pinned", error.Message);
    }

    [Fact]
    public void Should_Refuse_When_TheSecondFetchDiffers()
    {
        ClusterInfoTrust.RequireSameKubeconfig("a", new Dictionary<string, string> { [ClusterInfoConfigMap.KubeconfigKey] = "a" });
        var error = Assert.Throws<DiscoveryException>(() =>
            ClusterInfoTrust.RequireSameKubeconfig("a", new Dictionary<string, string> { [ClusterInfoConfigMap.KubeconfigKey] = "b" }));
        Assert.Contains("was different from the first", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha256:" + "ab", "expected a 32 byte SHA-256 hash, found 1 bytes")]
    [InlineData("md5:" + "ab", "unknown hash format \"md5\"")]
    [InlineData("abcdef", "invalid public key hash, expected \"format:value\"")]
    [InlineData("sha256:abc", "encoding/hex: odd length hex string")]
    public void Should_ExplainWhatIsWrong_When_APinIsMalformed(string pin, string expected)
    {
        Assert.Equal(expected, CaCertHashes.ParseError(pin));
    }

    [Fact]
    public void Should_ParseTheClusterInfoKubeconfig_When_ItsClusterHasAnEmptyName()
    {
        var ca = TestCertificates.EcdsaCa();
        var text = $"apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: {TestCertificates.Base64Pem(ca)}\n    server: https://10.0.0.1:6443\n  name: \"\"\ncontexts: null\ncurrent-context: \"\"\nkind: Config\npreferences: {{}}\nusers: null\n";

        var cluster = ClusterInfoTrust.ParseCluster(text);

        Assert.Equal("https://10.0.0.1:6443", cluster.Server);
        Assert.Single(ClusterInfoTrust.CaCertificates(cluster));
    }

    private static Dictionary<string, string> SignedData(string kubeconfig, BootstrapTokenString signer) => new(StringComparer.Ordinal)
    {
        [ClusterInfoConfigMap.KubeconfigKey] = kubeconfig,
        [ClusterInfoSignature.KeyFor(signer.Id)] = ClusterInfoSignature.ComputeDetached(kubeconfig, signer.Id, signer.Secret),
    };
}
