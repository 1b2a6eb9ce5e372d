using System.Diagnostics;
using Kubeadm.App.Host;

namespace Kubeadm.Cli.Tests.Certs;

/// <summary>The CSRs generate-csr writes, checked by the real openssl on a real directory.</summary>
[Trait("Category", "RealTools")]
public sealed class GenerateCsrOpenSslTests : IDisposable
{
    private readonly string _rootfs = Directory.CreateTempSubdirectory("certs-csr-").FullName;

    public void Dispose() => Directory.Delete(_rootfs, recursive: true);

    [Fact]
    public async Task Should_WriteCsrsOpenSslVerifiesWithKubeadmsSubjectsAndSans_When_GenerateCsrRuns()
    {
        var host = new CertsCliHost(new PhysicalFileSystem(_rootfs), new Kubeadm.Core.Pki.SystemKeyGenerator());

        var run = await host.RunAsync("certs", "generate-csr", "--rootfs", _rootfs);

        Assert.True(run.ExitCode == 0, run.Error);
        var pki = Path.Combine(_rootfs, "etc/kubernetes/pki");
        foreach (var csr in Directory.EnumerateFiles(pki, "*.csr", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(_rootfs, "etc/kubernetes"), "*.csr")))
        {
            Assert.Contains("verify OK", OpenSsl("req", "-verify", "-noout", "-in", csr));
        }

        var apiserver = OpenSsl("req", "-noout", "-text", "-in", Path.Combine(pki, "apiserver.csr"));
        Assert.Contains("Subject: CN = kube-apiserver", apiserver);
        Assert.Contains(
            "DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local, DNS:n1, IP Address:10.96.0.1, IP Address:10.0.0.1",
            apiserver);
        Assert.Contains("Public-Key: (2048 bit)", apiserver);
        var peer = OpenSsl("req", "-noout", "-text", "-in", Path.Combine(pki, "etcd/peer.csr"));
        Assert.Contains("Subject: CN = n1", peer);
        Assert.Contains("DNS:localhost, DNS:n1, IP Address:10.0.0.1, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1", peer);
        var admin = OpenSsl("req", "-noout", "-text", "-in", Path.Combine(_rootfs, "etc/kubernetes/admin.conf.csr"));
        Assert.Contains("Subject: O = kubeadm:cluster-admins, CN = kubernetes-admin", admin);
        Assert.DoesNotContain("Alternative Name", admin);
        Assert.Equal(Kubeadm.Core.Host.FileModes.Private, host.FileSystem.GetMode("/etc/kubernetes/pki/apiserver.csr"));
    }

    private static string OpenSsl(params string[] arguments)
    {
        var info = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var all = output + error.GetAwaiter().GetResult();
        Assert.True(process.ExitCode == 0, $"openssl {string.Join(' ', arguments)}: {all}");
        return all;
    }
}
