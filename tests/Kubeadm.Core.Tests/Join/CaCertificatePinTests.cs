using System.Diagnostics;
using System.Security.Cryptography;
using k8s.KubeConfigModels;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Join;
using Kubeadm.Core.Pki;

namespace Kubeadm.Core.Tests.Join;

public sealed class CaCertificatePinTests
{
    [Fact]
    public void Should_HashTheSubjectPublicKeyInfo_When_PinningRsaAndEcdsaCas()
    {
        foreach (var ca in new[] { TestCertificates.RsaCa(), TestCertificates.EcdsaCa() })
        {
            var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(ca.PublicKey.ExportSubjectPublicKeyInfo()));

            Assert.Equal(expected, CaCertificatePin.Hash(ca));
        }
    }

    [Fact]
    public void Should_PinEveryCaInTheBundleAndStripHttps_When_ReadingAdminConf()
    {
        var first = TestCertificates.EcdsaCa("a");
        var second = TestCertificates.RsaCa("b");
        var kubeconfig = new K8SConfiguration
        {
            Clusters = [new Cluster { Name = "kubernetes", ClusterEndpoint = new ClusterEndpoint { Server = "https://[fd00::1]:6443", CertificateAuthorityData = TestCertificates.Base64Pem(first, second) } }],
            Contexts = [new Context { Name = "admin", ContextDetails = new ContextDetails { Cluster = "kubernetes", User = "admin" } }],
            CurrentContext = "admin",
        };

        var target = JoinTarget.FromKubeconfig(kubeconfig, "/etc/kubernetes/admin.conf", _ => throw new InvalidOperationException());

        Assert.Equal("[fd00::1]:6443", target.HostPort);
        Assert.Equal([CaCertificatePin.Hash(first), CaCertificatePin.Hash(second)], target.CaCertHashes);
    }

    [Fact]
    public void Should_ReadTheCaFile_When_OnlyCertificateAuthorityIsSet()
    {
        var ca = TestCertificates.EcdsaCa();
        var kubeconfig = new K8SConfiguration
        {
            Clusters = [new Cluster { Name = "c", ClusterEndpoint = new ClusterEndpoint { Server = "https://cp:6443", CertificateAuthority = "/pki/ca.crt" } }],
            Contexts = [new Context { Name = "x", ContextDetails = new ContextDetails { Cluster = "c", User = "u" } }],
            CurrentContext = "x",
        };

        var target = JoinTarget.FromKubeconfig(kubeconfig, "/a.conf", path => path == "/pki/ca.crt" ? PemCodec.EncodeCertificates(ca) : throw new FileNotFoundException(path));

        Assert.Equal(new JoinTarget("cp:6443", [CaCertificatePin.Hash(ca)]).CaCertHashes, target.CaCertHashes);
    }

    [Fact]
    public void Should_Fail_When_TheClusterHasNoCa()
    {
        var kubeconfig = new K8SConfiguration
        {
            Clusters = [new Cluster { Name = "c", ClusterEndpoint = new ClusterEndpoint { Server = "https://cp:6443" } }],
            Contexts = [new Context { Name = "x", ContextDetails = new ContextDetails { Cluster = "c", User = "u" } }],
            CurrentContext = "x",
        };

        Assert.Throws<KubeadmUserException>(() => JoinTarget.FromKubeconfig(kubeconfig, "/a.conf", _ => []));
    }

    [Fact]
    [Trait("Category", "RealTools")]
    public void Should_MatchOpenSsl_When_HashingTheCaPublicKey()
    {
        foreach (var ca in new[] { TestCertificates.RsaCa(), TestCertificates.EcdsaCa() })
        {
            var directory = Directory.CreateTempSubdirectory("kubeadm-pin-");
            try
            {
                var caPath = Path.Combine(directory.FullName, "ca.crt");
                File.WriteAllBytes(caPath, PemCodec.EncodeCertificates(ca));
                var output = Shell($"openssl x509 -pubkey -noout -in '{caPath}' | openssl pkey -pubin -outform der | sha256sum");

                Assert.Equal(CaCertificatePin.Hash(ca), "sha256:" + output.Split(' ')[0]);
            }
            finally
            {
                directory.Delete(recursive: true);
            }
        }
    }

    private static string Shell(string script)
    {
        var info = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("set -o pipefail; " + script);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{script} failed: {error}");
        return output.Trim();
    }
}
