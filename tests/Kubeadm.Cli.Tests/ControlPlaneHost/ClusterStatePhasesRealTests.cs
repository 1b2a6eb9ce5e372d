using Kubeadm.App.Host;
using Kubeadm.App.Init;
using Kubeadm.Core.Host;
using Kubeadm.Core.UploadCerts;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>
/// End to end against the process-kubelet control plane: `init phase upload-config all` and
/// `init phase upload-certs --upload-certs` create their objects on a real API server (through admin.conf, with the
/// kubeadm:cluster-admins binding made by super-admin.conf), and kubectl reads back what kubeadm join would read.
/// </summary>
[Trait("Category", "RealTools")]
[Trait("Category", "ControlPlane")]
public sealed class ClusterStatePhasesRealTests : IDisposable
{
    private const string NodeName = "kubeadm-e2e-node";

    private readonly string _work = Directory.CreateTempSubdirectory("kubeadm-cluster-state-").FullName;

    private string Rootfs => Path.Combine(_work, "rootfs");

    [ControlPlaneFact]
    public async Task Should_CreateTheConfigMapsAndTheEncryptedCertsSecret_When_PhasesRunAgainstARealApiServer()
    {
        K8sTestBinaries.Require();
        var config = Path.Combine(_work, "kubeadm.yaml");
        await File.WriteAllTextAsync(config, $"""
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: InitConfiguration
            localAPIEndpoint:
              advertiseAddress: 127.0.0.1
              bindPort: {ProcessKubelet.FreePort()}
            nodeRegistration:
              name: {NodeName}
              criSocket: unix:///var/run/containerd/containerd.sock
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

        var uploadConfig = await RunKubeadmAsync("init", "phase", "upload-config", "all", "--rootfs", Rootfs, "--config", config);
        var uploadCerts = await RunKubeadmAsync("init", "phase", "upload-certs", "--upload-certs", "--rootfs", Rootfs, "--config", config);
        // Again: every write is create-or-update.
        await RunKubeadmAsync("init", "phase", "upload-config", "all", "--rootfs", Rootfs, "--config", config);

        Assert.Contains("[upload-config] Storing the configuration used in ConfigMap \"kubeadm-config\" in the \"kube-system\" Namespace", uploadConfig);
        var clusterConfiguration = await Kubectl(controlPlane, "-n", "kube-system", "get", "configmap", "kubeadm-config", "-o", "jsonpath={.data.ClusterConfiguration}");
        Assert.Contains("kind: ClusterConfiguration", clusterConfiguration);
        Assert.Contains("kubernetesVersion: v1.34.2", clusterConfiguration);
        var hash = await Kubectl(controlPlane, "-n", "kube-system", "get", "configmap", "kubelet-config",
            "-o", "jsonpath={.metadata.annotations.kubeadm\\.kubernetes\\.io/component-config\\.hash}");
        Assert.Matches("^sha256:[0-9a-f]{64}$", hash);
        var roles = await Kubectl(controlPlane, "-n", "kube-system", "get", "roles,rolebindings", "-o", "name");
        foreach (var name in new[] { "kubeadm:nodes-kubeadm-config", "kubeadm:kubelet-config", "kubeadm:kubeadm-certs" })
        {
            Assert.Contains($"role.rbac.authorization.k8s.io/{name}", roles);
            Assert.Contains($"rolebinding.rbac.authorization.k8s.io/{name}", roles);
        }

        var lines = uploadCerts.Split('\n');
        var key = lines[Array.IndexOf(lines, "[upload-certs] Using certificate key:") + 1];
        var owner = await Kubectl(controlPlane, "-n", "kube-system", "get", "secret", "kubeadm-certs", "-o", "jsonpath={.metadata.ownerReferences[0].name}");
        Assert.StartsWith("bootstrap-token-", owner);
        var tokenType = await Kubectl(controlPlane, "-n", "kube-system", "get", "secret", owner, "-o", "jsonpath={.type}");
        Assert.Equal("bootstrap.kubernetes.io/token", tokenType);
        var caCrt = await Kubectl(controlPlane, "-n", "kube-system", "get", "secret", "kubeadm-certs", "-o", "jsonpath={.data.ca\\.crt}");
        var decrypted = CertificateKeyCipher.Decrypt(Convert.FromBase64String(caCrt), Convert.FromHexString(key));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Rootfs, "etc/kubernetes/pki/ca.crt")), decrypted);
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

    private static async Task<string> Kubectl(ProcessKubelet controlPlane, params string[] args)
    {
        var result = await controlPlane.KubectlAsync(args);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)}: {result.Output}{result.Error}\n{controlPlane.LogTails()}");
        return result.Output.Trim();
    }

    private static async Task<string> RunKubeadmAsync(params string[] args)
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
        return stdout.ToString();
    }
}
