using Kubeadm.App.Host;
using Kubeadm.App.Tests.Host;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.KubeConfig;

/// <summary>The files as kubectl and openssl see them: written to a real directory with real RSA keys.</summary>
[Trait("Category", "RealTools")]
public sealed class KubeconfigRealToolsTests(RealToolsKubeconfigs files) : IClassFixture<RealToolsKubeconfigs>, IDisposable
{
    private const string Kubectl = "/usr/bin/kubectl";
    private const string OpenSsl = "openssl";

    private readonly TemporaryDirectory _scratch = new();
    private readonly ProcessRunner _runner = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("admin.conf", "kubernetes-admin", "CN=kubernetes-admin,O=kubeadm:cluster-admins", "https://lb.example.com:7443")]
    [InlineData("super-admin.conf", "kubernetes-super-admin", "CN=kubernetes-super-admin,O=system:masters", "https://lb.example.com:7443")]
    [InlineData("kubelet.conf", "system:node:node-a", "CN=system:node:node-a,O=system:nodes", "https://lb.example.com:7443")]
    [InlineData("controller-manager.conf", "system:kube-controller-manager", "CN=system:kube-controller-manager", "https://10.0.0.7:6443")]
    [InlineData("scheduler.conf", "system:kube-scheduler", "CN=system:kube-scheduler", "https://10.0.0.7:6443")]
    public async Task Should_BeAcceptedByKubectlAndOpenssl_When_Written(string file, string user, string subject, string server)
    {
        var kubeconfig = files.RealPath("/etc/kubernetes/" + file);

        await RunAsync(Kubectl, "config", "view", "--raw", "--kubeconfig", kubeconfig);
        Assert.Equal($"{user}@kubernetes", await RunAsync(Kubectl, "config", "current-context", "--kubeconfig", kubeconfig));
        Assert.Equal(
            $"kubernetes|{server}|{user}|kubernetes|{user}",
            await JsonPathAsync(kubeconfig, "{.clusters[0].name}|{.clusters[0].cluster.server}|{.contexts[0].context.user}|{.contexts[0].context.cluster}|{.users[0].name}"));

        var clientCert = Path.Join(_scratch.Path, "client.crt");
        var clientKey = Path.Join(_scratch.Path, "client.key");
        await File.WriteAllBytesAsync(clientCert, Convert.FromBase64String(await JsonPathAsync(kubeconfig, "{.users[0].user.client-certificate-data}")));
        await File.WriteAllBytesAsync(clientKey, Convert.FromBase64String(await JsonPathAsync(kubeconfig, "{.users[0].user.client-key-data}")));
        var caFile = files.RealPath("/etc/kubernetes/pki/ca.crt");

        Assert.EndsWith(": OK", await RunAsync(OpenSsl, "verify", "-CAfile", caFile, clientCert), StringComparison.Ordinal);
        Assert.Equal($"subject={subject}", await RunAsync(OpenSsl, "x509", "-in", clientCert, "-noout", "-subject", "-nameopt", "RFC2253"));
        Assert.Contains("TLS Web Client Authentication", await RunAsync(OpenSsl, "x509", "-in", clientCert, "-noout", "-ext", "extendedKeyUsage"),
            StringComparison.Ordinal);
        Assert.Equal(
            await RunAsync(OpenSsl, "x509", "-in", clientCert, "-noout", "-pubkey"),
            await RunAsync(OpenSsl, "pkey", "-in", clientKey, "-pubout"));
        Assert.Equal(
            Convert.ToBase64String(await File.ReadAllBytesAsync(caFile)),
            await JsonPathAsync(kubeconfig, "{.clusters[0].cluster.certificate-authority-data}"));
        Assert.Equal(FileModes.Private, files.Fixture.FileSystem.GetMode("/etc/kubernetes/" + file));
    }

    private Task<string> JsonPathAsync(string kubeconfig, string template) =>
        RunAsync(Kubectl, "config", "view", "--raw", "--kubeconfig", kubeconfig, "-o", "jsonpath=" + template);

    private async Task<string> RunAsync(string executable, params string[] arguments)
    {
        var result = await _runner.RunAsync(executable, arguments, CancellationToken.None);
        Assert.True(result.ExitCode == 0, $"{executable} {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.StandardError}");
        return result.StandardOutput.Trim();
    }
}
