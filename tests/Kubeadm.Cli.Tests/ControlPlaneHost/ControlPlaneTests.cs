using Kubeadm.App.Host;
using Kubeadm.App.Init;
using Kubeadm.Core.Host;
using Xunit.Abstractions;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>
/// End to end: our certs, kubeconfig, etcd and control-plane phases write a --rootfs; the process kubelet runs
/// etcd 3.4 and the Kubernetes 1.20 control plane from those manifests; kubectl checks the cluster answers with
/// our PKI and kubeconfigs. Skipped when scripts/k8s-test-binaries.sh has not built the binaries.
/// </summary>
[Trait("Category", "RealTools")]
[Trait("Category", "ControlPlane")]
public sealed class ControlPlaneTests(ITestOutputHelper output) : IDisposable
{
    private const string NodeName = "kubeadm-e2e-node";

    private readonly string _work = Directory.CreateTempSubdirectory("kubeadm-control-plane-").FullName;

    private string Rootfs => Path.Combine(_work, "rootfs");

    [ControlPlaneFact]
    public async Task Should_ServeTheApiWithOurPkiAndKubeconfigs_When_ControlPlaneRunsFromOurManifests()
    {
        K8sTestBinaries.Require();
        var bindPort = ProcessKubelet.FreePort();
        var config = Path.Combine(_work, "kubeadm.yaml");
        await File.WriteAllTextAsync(config, $"""
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: InitConfiguration
            localAPIEndpoint:
              advertiseAddress: 127.0.0.1
              bindPort: {bindPort}
            nodeRegistration:
              name: {NodeName}
            ---
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ClusterConfiguration
            kubernetesVersion: v1.34.2
            """);
        foreach (var phase in new[] { "certs", "kubeconfig", "etcd", "control-plane" })
        {
            await RunKubeadmAsync("init", "phase", phase, phase == "etcd" ? "local" : "all", "--rootfs", Rootfs, "--config", config);
        }

        await using var controlPlane = await ProcessKubelet.StartAsync(new ProcessKubeletOptions
        {
            Rootfs = Rootfs,
            WorkDir = Path.Combine(_work, "run"),
            NodeName = NodeName,
        });
        foreach (var component in controlPlane.Components)
        {
            output.WriteLine($"{component.Name}: pid {component.Pid}, healthy after {component.HealthyAfter?.TotalSeconds:0.0} s");
        }

        // Our kubeconfigs already point at the port the test chose: nothing was rewritten.
        Assert.Equal($"https://127.0.0.1:{bindPort}", controlPlane.ApiServerUrl);
        Assert.Equal(Path.Combine(Rootfs, "etc/kubernetes/super-admin.conf"), controlPlane.SuperAdminKubeconfig);

        var livez = await Kubectl(controlPlane, "get", "--raw", "/livez");
        Assert.Equal("ok", livez.Output.Trim());
        var version = await Kubectl(controlPlane, "get", "--raw", "/version");
        output.WriteLine(version.Output);
        Assert.Contains($"\"gitVersion\": \"{K8sTestBinaries.GitVersion}\"", version.Output);

        var node = await Kubectl(controlPlane, "get", "node", NodeName, "-o", "jsonpath={.metadata.labels}");
        Assert.Contains($"\"kubernetes.io/hostname\":\"{NodeName}\"", node.Output);
        Assert.Contains("\"kubernetes.io/os\":\"linux\"", node.Output);
        var nodes = await Kubectl(controlPlane, "get", "nodes", "-o", "name");
        Assert.Equal($"node/{NodeName}", nodes.Output.Trim());
        await Kubectl(controlPlane, "get", "ns", "kube-system");

        // admin.conf authenticates as kubernetes-admin (group kubeadm:cluster-admins), which the API server accepts;
        // its RBAC binding is created by a later phase, so on this fresh cluster it may read /livez but not nodes.
        var adminLivez = await ProcessKubelet.KubectlAsync(controlPlane.AdminKubeconfig, null, "get", "--raw", "/livez");
        Assert.True(adminLivez.ExitCode == 0, adminLivez.Error);
        var adminNodes = await ProcessKubelet.KubectlAsync(controlPlane.AdminKubeconfig, null, "get", "nodes");
        Assert.Contains("User \"kubernetes-admin\" cannot list resource \"nodes\"", adminNodes.Error);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // etcd may still be closing files; the temp dir is left behind then.
        }
    }

    private static async Task<CommandResult> Kubectl(ProcessKubelet controlPlane, params string[] args)
    {
        var result = await controlPlane.KubectlAsync(args);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)}: {result.Output}{result.Error}\n{controlPlane.LogTails()}");
        return result;
    }

    private static async Task RunKubeadmAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var environment = new InitEnvironment
        {
            Out = stdout,
            Err = stderr,
            FileSystemFor = rootfs => new PhysicalFileSystem(rootfs),
            HostInfoFor = _ => new FixedHostInfo(NodeName, System.Net.IPAddress.Loopback),
            ServiceManager = () => new RecordingServiceManager(),
        };
        var exitCode = await KubeadmCli.RunAsync(args, environment);
        Assert.True(exitCode == 0, $"kubeadm {string.Join(' ', args)} failed:\n{stdout}\n{stderr}");
    }
}
