using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;
using Kubeadm.App.ClusterApi;
using Kubeadm.App.Host;
using Kubeadm.App.Init;
using Kubeadm.App.Security;
using Kubeadm.Cli.Tests.RealEtcd;
using Kubeadm.Core.Host;
using Kubeadm.Core.Security;
using Kubeadm.Tests.Shared;
using Xunit.Abstractions;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>
/// The "cis" security profile on the real control plane: our phases write the hardened manifests and files from a
/// config carrying a SecurityProfile document; the process kubelet runs etcd 3.4 and the 1.20 API server,
/// controller manager and scheduler from them. Proves encryption at rest (etcdctl reads the raw value), the audit
/// log, and the kubelet-serving CSR approval (real CSR objects made by a node identity, signed by the real
/// controller manager with the cluster CA). Test-only shim: 1.20 has no --authentication-config, so it is dropped
/// (see ProcessKubelet.DroppedFlags); everything else the profile sets exists in 1.20 and runs as written.
/// </summary>
[Trait("Category", "RealTools")]
[Trait("Category", "ControlPlane")]
public sealed class CisProfileControlPlaneTests(ITestOutputHelper output) : IDisposable
{
    private const string NodeName = "cis-control-plane";
    private const string WorkerName = "cis-worker";
    private const string WorkerAddress = "10.77.0.5";

    private readonly string _work = Directory.CreateTempSubdirectory("kubeadm-cis-").FullName;

    private string Rootfs => Path.Combine(_work, "rootfs");

    private string Pki => Path.Combine(Rootfs, "etc/kubernetes/pki");

    [ControlPlaneFact]
    public async Task Should_EncryptSecretsAuditRequestsAndApproveOnlyTheNodesServingCsr_When_TheControlPlaneRunsTheCisProfile()
    {
        K8sTestBinaries.Require();
        await WriteHardenedControlPlaneAsync();
        AssertHardeningFiles();

        await using var controlPlane = await ProcessKubelet.StartAsync(new ProcessKubeletOptions
        {
            Rootfs = Rootfs,
            WorkDir = Path.Combine(_work, "run"),
            NodeName = NodeName,
        });
        AssertProfileFlagsRan(controlPlane);

        await SecretsAreEncryptedInEtcdAsync(controlPlane);
        AuditLogRecordsTheRequests();
        await OnlyTheMatchingServingCsrIsApprovedAndSignedAsync(controlPlane);
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

    private async Task WriteHardenedControlPlaneAsync()
    {
        var config = Path.Combine(_work, "kubeadm.yaml");
        await File.WriteAllTextAsync(config, $"""
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: InitConfiguration
            localAPIEndpoint:
              advertiseAddress: 127.0.0.1
              bindPort: {ProcessKubelet.FreePort()}
            nodeRegistration:
              name: {NodeName}
            ---
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ClusterConfiguration
            kubernetesVersion: v1.34.2
            ---
            apiVersion: security.kubeadm-dotnet.io/v1alpha1
            kind: SecurityProfile
            profile: cis
            """);
        foreach (var phase in new[] { "certs", "kubeconfig", "etcd", "control-plane" })
        {
            await RunKubeadmAsync("init", "phase", phase, phase == "etcd" ? "local" : "all", "--rootfs", Rootfs, "--config", config);
        }
    }

    private void AssertHardeningFiles()
    {
        const UnixFileMode mode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var fileSystem = new PhysicalFileSystem(Rootfs);
        foreach (var file in new[] { HardeningPaths.EncryptionConfigFile, HardeningPaths.AuditPolicyFile, HardeningPaths.AuthenticationConfigFile })
        {
            Assert.Equal(mode0600, fileSystem.GetMode(file));
        }

        var manifest = File.ReadAllText(Path.Combine(Rootfs, "etc/kubernetes/manifests/kube-apiserver.yaml"));
        Assert.Contains("- --encryption-provider-config=/etc/kubernetes/security/encryption-config.yaml", manifest);
        Assert.Contains("- --authentication-config=/etc/kubernetes/security/authentication-config.yaml", manifest);
        Assert.Contains("mountPath: /etc/kubernetes/security\n      name: kubeadm-security-config\n      readOnly: true", manifest);
    }

    private static void AssertProfileFlagsRan(ProcessKubelet controlPlane)
    {
        var apiServer = controlPlane.Components.Single(c => c.Name == "kube-apiserver").Arguments;
        foreach (var flag in new[] { "--profiling=false", "--audit-log-maxage=30", "--audit-log-maxbackup=10", "--audit-log-maxsize=100", "--service-account-extend-token-expiration=false" })
        {
            Assert.Contains(flag, apiServer);
        }

        Assert.Contains(apiServer, a => a.StartsWith("--kubelet-certificate-authority=", StringComparison.Ordinal) && a.EndsWith("/etc/kubernetes/pki/ca.crt", StringComparison.Ordinal));
        Assert.Contains("--profiling=false", controlPlane.Components.Single(c => c.Name == "kube-controller-manager").Arguments);
        Assert.Contains("--profiling=false", controlPlane.Components.Single(c => c.Name == "kube-scheduler").Arguments);
    }

    private async Task SecretsAreEncryptedInEtcdAsync(ProcessKubelet controlPlane)
    {
        await Kubectl(controlPlane, "create", "secret", "generic", "cis-probe", "-n", "default", "--from-literal=password=plain-s3cr3t-value");
        await Kubectl(controlPlane, "create", "configmap", "cis-control", "-n", "default", "--from-literal=note=plain-configmap-value");
        var etcdctl = new Etcdctl(Pki, "apiserver-etcd-client", controlPlane.EtcdEndpoint);

        var secret = await etcdctl.RunAsync("get", "/registry/secrets/default/cis-probe", "--print-value-only");
        var configMap = await etcdctl.RunAsync("get", "/registry/configmaps/default/cis-control", "--print-value-only");

        Assert.True(secret.ExitCode == 0, secret.Output);
        output.WriteLine($"raw secret value starts: {secret.Output[..Math.Min(40, secret.Output.Length)]}");
        Assert.StartsWith(EncryptionConfigurationFile.StoredPrefix, secret.Output);
        Assert.DoesNotContain("plain-s3cr3t-value", secret.Output);
        Assert.DoesNotContain("cis-probe", secret.Output);

        // The control: a ConfigMap (not covered by the profile) is stored as plain protobuf, so the raw read itself works.
        Assert.True(configMap.ExitCode == 0, configMap.Output);
        Assert.Contains("plain-configmap-value", configMap.Output);
        Assert.DoesNotContain("k8s:enc:", configMap.Output);

        var read = await Kubectl(controlPlane, "get", "secret", "cis-probe", "-n", "default", "-o", "jsonpath={.data.password}");
        Assert.Equal("plain-s3cr3t-value", Encoding.UTF8.GetString(Convert.FromBase64String(read.Output.Trim())));
    }

    private void AuditLogRecordsTheRequests()
    {
        var auditLog = Rootfs + HardeningPaths.AuditLogFile;
        Assert.True(File.Exists(auditLog), $"no audit log at {auditLog}");
        var lines = File.ReadAllLines(auditLog);
        output.WriteLine($"audit log: {lines.Length} events");
        Assert.Contains(lines, line => line.Contains("\"verb\":\"create\"", StringComparison.Ordinal)
            && line.Contains("\"resource\":\"secrets\"", StringComparison.Ordinal)
            && line.Contains("\"name\":\"cis-probe\"", StringComparison.Ordinal)
            && line.Contains("\"level\":\"Metadata\"", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("\"resource\":\"configmaps\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("plain-s3cr3t-value", StringComparison.Ordinal)
            || line.Contains(Convert.ToBase64String(Encoding.UTF8.GetBytes("plain-s3cr3t-value")), StringComparison.Ordinal));
    }

    private async Task OnlyTheMatchingServingCsrIsApprovedAndSignedAsync(ProcessKubelet controlPlane)
    {
        await Kubectl(controlPlane, "create", "-f", await WriteAsync("worker-node.yaml", $"""
            apiVersion: v1
            kind: Node
            metadata:
              name: {WorkerName}
            status:
              addresses:
              - type: InternalIP
                address: {WorkerAddress}
              - type: Hostname
                address: {WorkerName}
            """));
        var addresses = await Kubectl(controlPlane, "get", "node", WorkerName, "-o", "jsonpath={.status.addresses[*].address}");
        Assert.Contains(WorkerAddress, addresses.Output);

        // The CSRs are created by the worker's own identity, as its kubelet would, so the API server fills in
        // username system:node:cis-worker and group system:nodes itself.
        var workerKubeconfig = await WriteNodeKubeconfigAsync(controlPlane);
        var foreign = ServingCsrFactory.NodeRequestPem(WorkerName, [WorkerName], [IPAddress.Parse(WorkerAddress), IPAddress.Parse("10.77.0.99")]);
        var matching = ServingCsrFactory.NodeRequestPem(WorkerName, [WorkerName], [IPAddress.Parse(WorkerAddress)]);
        await CreateCsrAsAsync(workerKubeconfig, "cis-serving-foreign", foreign);
        await CreateCsrAsAsync(workerKubeconfig, "cis-serving-matching", matching);

        using var log = new StringWriter();
        var api = ClusterClientFactory.FromKubeconfig(new PhysicalFileSystem("/"), controlPlane.SuperAdminKubeconfig, TimeSpan.FromSeconds(30), TimeProvider.System);
        var outcome = await new KubeletServingCsrApprover(api, TimeProvider.System, log).ApproveAsync(
            WorkerName, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), CancellationToken.None);
        output.WriteLine(log.ToString());

        Assert.Equal(ServingCsrOutcome.Approved, outcome);
        Assert.Contains("Not approving certificate signing request \"cis-serving-foreign\"", log.ToString());
        Assert.Contains("10.77.0.99", log.ToString());
        var foreignConditions = await Kubectl(controlPlane, "get", "csr", "cis-serving-foreign", "-o", "jsonpath={.status.conditions}");
        Assert.Equal("", foreignConditions.Output.Trim());

        // The real kube-controller-manager signs the approved request with the cluster CA (kubernetes.io/kubelet-serving).
        var certificate = await WaitForCertificateAsync(controlPlane, "cis-serving-matching");
        using var ca = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(Pki, "ca.crt")));
        Assert.Equal(ca.Subject, certificate.Issuer);
        using (var chain = new X509Chain())
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            Assert.True(chain.Build(certificate), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        }

        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal([IPAddress.Parse(WorkerAddress)], names.EnumerateIPAddresses());
        Assert.Equal([WorkerName], names.EnumerateDnsNames());
        Assert.Contains(certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>(), oid => oid.Value == "1.3.6.1.5.5.7.3.1");
    }

    private static async Task<X509Certificate2> WaitForCertificateAsync(ProcessKubelet controlPlane, string name)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var issued = await Kubectl(controlPlane, "get", "csr", name, "-o", "jsonpath={.status.certificate}");
            if (issued.Output.Trim().Length > 0)
            {
                return X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(Convert.FromBase64String(issued.Output.Trim())));
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"the controller manager did not sign {name} within 30 s\n{controlPlane.LogTails()}");
    }

    private async Task<string> WriteNodeKubeconfigAsync(ProcessKubelet controlPlane)
    {
        using var ca = X509Certificate2.CreateFromPemFile(Path.Combine(Pki, "ca.crt"), Path.Combine(Pki, "ca.key"));
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=system:node:{WorkerName}, O=system:nodes", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        var serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7f;
        using var client = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1), serial);
        string Base64(string pem) => Convert.ToBase64String(Encoding.ASCII.GetBytes(pem));
        return await WriteAsync("worker.conf", $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: cis
              cluster:
                server: {controlPlane.ApiServerUrl}
                certificate-authority-data: {Base64(ca.ExportCertificatePem())}
            users:
            - name: worker
              user:
                client-certificate-data: {Base64(client.ExportCertificatePem())}
                client-key-data: {Base64(key.ExportPkcs8PrivateKeyPem())}
            contexts:
            - name: worker
              context:
                cluster: cis
                user: worker
            current-context: worker
            """);
    }

    private async Task CreateCsrAsAsync(string kubeconfig, string name, string pem)
    {
        var manifest = await WriteAsync(name + ".yaml", $"""
            apiVersion: certificates.k8s.io/v1
            kind: CertificateSigningRequest
            metadata:
              name: {name}
            spec:
              request: {Convert.ToBase64String(Encoding.ASCII.GetBytes(pem))}
              signerName: kubernetes.io/kubelet-serving
              usages:
              - digital signature
              - key encipherment
              - server auth
            """);
        var created = await ProcessKubelet.KubectlAsync(kubeconfig, null, "create", "-f", manifest);
        Assert.True(created.ExitCode == 0, $"creating {name} as system:node:{WorkerName}: {created.Output}{created.Error}");
    }

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(_work, name);
        await File.WriteAllTextAsync(path, content);
        return path;
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
            HostInfoFor = _ => new FixedHostInfo(NodeName, IPAddress.Loopback),
            ServiceManager = () => new RecordingServiceManager(),
        };
        var exitCode = await KubeadmCli.RunAsync(args, environment);
        Assert.True(exitCode == 0, $"kubeadm {string.Join(' ', args)} failed:\n{stdout}\n{stderr}");
    }
}
