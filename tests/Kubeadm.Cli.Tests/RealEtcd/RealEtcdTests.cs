using Kubeadm.Core.ControlPlane;

namespace Kubeadm.Cli.Tests.RealEtcd;

/// <summary>
/// Starts the etcd of our etcd.yaml, with our PKI, and checks mTLS end to end with etcdctl. Needs Debian's
/// etcd-server and etcd-client packages; uses 127.0.0.1 ports 23790/23800/23810 only.
/// </summary>
[Trait("Category", "RealTools")]
public sealed class RealEtcdTests : IDisposable
{
    private const string ConfigYaml = """
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: InitConfiguration
        localAPIEndpoint:
          advertiseAddress: 127.0.0.1
        nodeRegistration:
          name: n1
        """;

    private readonly string _rootfs = Directory.CreateTempSubdirectory("kubeadm-real-etcd-").FullName;

    [Fact]
    public async Task Should_ServeMutualTlsClients_When_EtcdRunsFromOurManifestAndPki()
    {
        Assert.True(File.Exists(EtcdProcess.EtcdBinary), "install Debian's etcd-server and etcd-client packages");
        await RunKubeadmAsync("init", "phase", "certs", "all");
        await RunKubeadmAsync("init", "phase", "etcd", "local");

        var pod = StaticPodSerializer.FromJson(ManifestJson.FromYaml(File.ReadAllText($"{_rootfs}/etc/kubernetes/manifests/etcd.yaml")));
        var pki = $"{_rootfs}/etc/kubernetes/pki";
        using var etcd = EtcdProcess.Start(Assert.Single(pod.Spec.Containers).Command.ToList(), _rootfs);

        var health = new Etcdctl(pki, "etcd/healthcheck-client");
        var result = await WaitForHealthAsync(health);
        Assert.True(result.ExitCode == 0, $"{result.Output}\netcd:\n{etcd.Log}");

        var apiServer = new Etcdctl(pki, "apiserver-etcd-client");
        var put = await apiServer.RunAsync("put", "/registry/kubeadm-test", "hello");
        Assert.True(put.ExitCode == 0, put.Output);
        var get = await apiServer.RunAsync("get", "/registry/kubeadm-test", "--print-value-only");
        Assert.Equal("hello", get.Output.Trim());

        var anonymous = await new Etcdctl(pki, CertName: null).RunAsync("get", "/registry/kubeadm-test");
        // Without a client certificate the TLS handshake is refused, so etcdctl never gets a connection (it reports the
        // balancer's failure, not a missing key or an argument error) and the value is not disclosed.
        Assert.Equal(1, anonymous.ExitCode);
        Assert.Contains("all SubConns are in TransientFailure", anonymous.Output, StringComparison.Ordinal);
        Assert.EndsWith("Error: context deadline exceeded\n", anonymous.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("hello", anonymous.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_rootfs, recursive: true);

    private static async Task<(int ExitCode, string Output)> WaitForHealthAsync(Etcdctl client)
    {
        (int ExitCode, string Output) result = (1, "etcd never answered");
        for (var attempt = 0; attempt < 30; attempt++)
        {
            result = await client.RunAsync("endpoint", "health");
            if (result.ExitCode == 0)
            {
                break;
            }

            await Task.Delay(500);
        }

        return result;
    }

    private async Task RunKubeadmAsync(params string[] command)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var configPath = Path.Combine(_rootfs, "kubeadm-config.yaml");
        await File.WriteAllTextAsync(configPath, ConfigYaml);
        var exitCode = await KubeadmCli.RunAsync([.. command, "--rootfs", _rootfs, "--config", configPath], KubeadmCli.RealHost(output, error));
        Assert.True(exitCode == 0, $"kubeadm {string.Join(' ', command)} failed:\n{output}\n{error}");
    }
}
