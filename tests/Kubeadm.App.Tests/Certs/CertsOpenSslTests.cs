using Kubeadm.App.Host;
using Kubeadm.App.Tests.Host;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.Tests.Certs;

/// <summary>The files the certs phases write, checked by the real openssl (real keys, real file system).</summary>
[Trait("Category", "RealTools")]
public sealed class CertsOpenSslTests : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private async Task<string> WriteAllAsync(string encryptionAlgorithm)
    {
        var fixture = new CertsFixture(new PhysicalFileSystem(_root.Path), new SystemKeyGenerator())
        {
            Config = CertsFixture.NewConfig(c =>
            {
                c.Cluster.EncryptionAlgorithm = encryptionAlgorithm;
                c.Cluster.ApiServer.CertSans = ["api.example.com", "192.168.7.7"];
            }),
        };
        fixture.Clock.Now = DateTimeOffset.UtcNow;
        await fixture.RunAsync("all");
        return _root.Path + CertsFixture.Pki;
    }

    [Theory]
    [InlineData("RSA-2048")]
    [InlineData("ECDSA-P256")]
    public async Task Should_VerifyEveryChain_When_OpenSslChecksTheWrittenFiles(string algorithm)
    {
        var pki = await WriteAllAsync(algorithm);

        foreach (var leaf in CertificateCatalogue.All.Where(c => !c.IsCa))
        {
            var ca = CertificateCatalogue.CaOf(leaf);
            var output = OpenSsl.Ok("verify", "-CAfile", $"{pki}/{ca.BaseName}.crt", $"{pki}/{leaf.BaseName}.crt");
            Assert.Equal($"{pki}/{leaf.BaseName}.crt: OK\n", output);
        }
    }

    [Theory]
    [InlineData("RSA-2048", "rsaEncryption", "Public-Key: (2048 bit)")]
    [InlineData("RSA-3072", "rsaEncryption", "Public-Key: (3072 bit)")]
    [InlineData("RSA-4096", "rsaEncryption", "Public-Key: (4096 bit)")]
    [InlineData("ECDSA-P256", "id-ecPublicKey", "NIST CURVE: P-256")]
    [InlineData("ECDSA-P384", "id-ecPublicKey", "NIST CURVE: P-384")]
    public async Task Should_SignWithEveryKeyAndVerifyWithItsCertificate_When_OpenSslChecksEachSupportedAlgorithm(
        string algorithm, string publicKeyAlgorithm, string keyShape)
    {
        var pki = await WriteAllAsync(algorithm);
        var message = Path.Join(_root.Path, "message.txt");
        File.WriteAllText(message, "kubeadm for .NET " + algorithm);

        foreach (var definition in CertificateCatalogue.All)
        {
            var certificate = $"{pki}/{definition.BaseName}.crt";
            var key = $"{pki}/{definition.BaseName}.key";
            var text = OpenSsl.Ok("x509", "-noout", "-text", "-in", certificate);
            Assert.Contains($"Public Key Algorithm: {publicKeyAlgorithm}", text, StringComparison.Ordinal);
            Assert.Contains(keyShape, text, StringComparison.Ordinal);
            Assert.Equal(OpenSsl.Ok("x509", "-noout", "-pubkey", "-in", certificate), OpenSsl.Ok("pkey", "-in", key, "-pubout"));

            var signature = Path.Join(_root.Path, definition.BaseName.Replace('/', '-') + ".sig");
            var publicKey = Path.Join(_root.Path, definition.BaseName.Replace('/', '-') + ".pub");
            File.WriteAllText(publicKey, OpenSsl.Ok("x509", "-noout", "-pubkey", "-in", certificate));
            OpenSsl.Ok("dgst", "-sha256", "-sign", key, "-out", signature, message);
            Assert.Equal("Verified OK\n", OpenSsl.Ok("dgst", "-sha256", "-verify", publicKey, "-signature", signature, message));

            File.AppendAllText(message, "!");
            var (exitCode, output) = OpenSsl.Run("dgst", "-sha256", "-verify", publicKey, "-signature", signature, message);
            Assert.Equal(1, exitCode);
            Assert.Contains("Verification failure", output, StringComparison.Ordinal);
        }

        foreach (var leaf in CertificateCatalogue.All.Where(c => !c.IsCa))
        {
            var ca = CertificateCatalogue.CaOf(leaf);
            Assert.Equal($"{pki}/{leaf.BaseName}.crt: OK\n", OpenSsl.Ok("verify", "-CAfile", $"{pki}/{ca.BaseName}.crt", $"{pki}/{leaf.BaseName}.crt"));
        }
    }

    [Theory]
    [InlineData("RSA-2048", "rsaEncryption")]
    [InlineData("ECDSA-P256", "id-ecPublicKey")]
    public async Task Should_AcceptEveryKey_When_OpenSslChecksIt(string algorithm, string publicKeyAlgorithm)
    {
        var pki = await WriteAllAsync(algorithm);

        foreach (var definition in CertificateCatalogue.All)
        {
            OpenSsl.Ok("pkey", "-in", $"{pki}/{definition.BaseName}.key", "-check", "-noout");
            Assert.Contains($"Public Key Algorithm: {publicKeyAlgorithm}", OpenSsl.Ok("x509", "-noout", "-text", "-in", $"{pki}/{definition.BaseName}.crt"), StringComparison.Ordinal);
        }

        OpenSsl.Ok("pkey", "-in", $"{pki}/sa.key", "-check", "-noout");
        Assert.Equal(File.ReadAllText($"{pki}/sa.pub"), OpenSsl.Ok("pkey", "-in", $"{pki}/sa.key", "-pubout"));
    }

    [Fact]
    public async Task Should_ShowKubeadmSubjectSansAndUsages_When_OpenSslPrintsApiServerCert()
    {
        var pki = await WriteAllAsync("RSA-2048");

        var text = OpenSsl.Ok("x509", "-noout", "-text", "-in", $"{pki}/apiserver.crt");

        Assert.Contains("Issuer: CN = kubernetes\n", text, StringComparison.Ordinal);
        Assert.Contains("Subject: CN = kube-apiserver\n", text, StringComparison.Ordinal);
        Assert.Contains(
            "DNS:api.example.com, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local, DNS:n1, "
            + "IP Address:10.96.0.1, IP Address:10.0.0.1, IP Address:192.168.7.7",
            text,
            StringComparison.Ordinal);
        Assert.Contains("X509v3 Key Usage: critical\n                Digital Signature, Key Encipherment\n", text, StringComparison.Ordinal);
        Assert.Contains("X509v3 Extended Key Usage: \n                TLS Web Server Authentication\n", text, StringComparison.Ordinal);
        Assert.Contains("X509v3 Basic Constraints: critical\n                CA:FALSE\n", text, StringComparison.Ordinal);
        Assert.Contains("Signature Algorithm: sha256WithRSAEncryption", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ShowCaFlagsAndBackdatedValidity_When_OpenSslPrintsEtcdCaAndClientCert()
    {
        var before = DateTimeOffset.UtcNow;
        var pki = await WriteAllAsync("ECDSA-P256");

        var ca = OpenSsl.Ok("x509", "-noout", "-text", "-in", $"{pki}/etcd/ca.crt");
        var client = OpenSsl.Ok("x509", "-noout", "-text", "-in", $"{pki}/apiserver-kubelet-client.crt");
        var dates = OpenSsl.Ok("x509", "-noout", "-startdate", "-enddate", "-dateopt", "iso_8601", "-in", $"{pki}/etcd/server.crt");

        Assert.Contains("CA:TRUE", ca, StringComparison.Ordinal);
        Assert.Contains("Digital Signature, Key Encipherment, Certificate Sign", ca, StringComparison.Ordinal);
        Assert.Contains("DNS:etcd-ca", ca, StringComparison.Ordinal);
        Assert.Contains("Subject: O = kubeadm:cluster-admins, CN = kube-apiserver-kubelet-client\n", client, StringComparison.Ordinal);
        Assert.Contains("TLS Web Client Authentication", client, StringComparison.Ordinal);
        Assert.DoesNotContain("TLS Web Server Authentication", client, StringComparison.Ordinal);
        var lines = dates.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var notBefore = DateTimeOffset.Parse(lines[0]["notBefore=".Length..].Replace("Z", "+00:00", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        var notAfter = DateTimeOffset.Parse(lines[1]["notAfter=".Length..].Replace("Z", "+00:00", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(notBefore, before.AddMinutes(-5).AddSeconds(-2), before.AddMinutes(-5).AddSeconds(30));
        Assert.InRange(notAfter - notBefore, TimeSpan.FromHours(8760).Add(TimeSpan.FromMinutes(5)).Subtract(TimeSpan.FromSeconds(2)), TimeSpan.FromHours(8760).Add(TimeSpan.FromMinutes(5)).Add(TimeSpan.FromSeconds(2)));
    }
}
