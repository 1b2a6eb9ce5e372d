using System.Security.Cryptography;
using System.Text;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Host;

public sealed class SecretRedactorTests
{
    [Fact]
    public void Should_HidePemPrivateKeys_When_TextHoldsThem()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rsa = RSA.Create(1024);
        var text = "a\n" + ecdsa.ExportECPrivateKeyPem() + "\nb\n" + rsa.ExportPkcs8PrivateKeyPem() + "\n" + rsa.ExportSubjectPublicKeyInfoPem();

        var redacted = SecretRedactor.Redact(text);

        Assert.Contains("-----BEGIN EC PRIVATE KEY-----\n<redacted>\n-----END EC PRIVATE KEY-----", redacted);
        Assert.Contains("-----BEGIN PRIVATE KEY-----\n<redacted>\n-----END PRIVATE KEY-----", redacted);
        Assert.Contains(rsa.ExportSubjectPublicKeyInfoPem(), redacted);
        Assert.DoesNotContain(ecdsa.ExportECPrivateKeyPem().Split('\n')[1], redacted);
    }

    [Fact]
    public void Should_HideClientKeyData_When_TextIsAKubeconfig()
    {
        var key = Convert.ToBase64String(Encoding.ASCII.GetBytes("secret key"));

        var redacted = SecretRedactor.Redact($"users:\n- name: admin\n  user:\n    client-certificate-data: Q0VSVA==\n    client-key-data: {key}\n");

        Assert.Contains("client-key-data: <redacted>\n", redacted);
        Assert.Contains("client-certificate-data: Q0VSVA==", redacted);
        Assert.DoesNotContain(key, redacted);
    }

    [Fact]
    public void Should_PrintRedactedKeyButMirrorRealBytes_When_DryRunWritesAKey()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = ecdsa.ExportECPrivateKeyPem() + "\n";
        var output = new StringWriter();
        var mirror = new InMemoryFileSystem();
        var dryRun = new DryRunFileSystem(new InMemoryFileSystem(), output, new DryRunMirror(mirror, "/tmp/dry"));

        dryRun.WriteFile("/etc/kubernetes/pki/ca.key", Encoding.ASCII.GetBytes(pem), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Contains("<redacted>", output.ToString());
        Assert.DoesNotContain(pem.Split('\n')[1], output.ToString());
        Assert.Equal(pem, Encoding.ASCII.GetString(mirror.ReadAllBytes("/tmp/dry/etc/kubernetes/pki/ca.key")));
        Assert.Equal(pem, Encoding.ASCII.GetString(dryRun.ReadAllBytes("/etc/kubernetes/pki/ca.key")));
    }
}
