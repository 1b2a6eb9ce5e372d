using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Kubeadm.Core.Pki;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>
/// What a kubelet started with --bootstrap-kubeconfig does, and only that: once kubeadm join has written
/// &lt;rootfs&gt;/etc/kubernetes/bootstrap-kubelet.conf, make a key, send a kubelet client CSR (CN system:node:&lt;name&gt;,
/// O system:nodes, signer kube-apiserver-client-kubelet) to the real API server with the bootstrap token, wait for the
/// real kube-controller-manager to approve and sign it, then write kubelet-client-current.pem and kubelet.conf as the
/// kubelet does. (No container runtime here, so the kubelet binary itself cannot run; its CSR flow is this.)
/// The API server may not answer yet (a control plane's local one waits for its etcd to join): the CSR is retried
/// until the deadline. kubectl runs on the machine, or in a node through <c>kubectl</c> (a multi-node bed).
/// </summary>
internal sealed class TlsBootstrapStandIn : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    /// <param name="rootfs">Where the node's files are seen from the machine.</param>
    /// <param name="workDir">For the copy of bootstrap-kubelet.conf kubectl uses (visible at the same path to <paramref name="kubectl"/>).</param>
    /// <param name="nodeName">The kubelet's node name.</param>
    /// <param name="kubectl">Runs kubectl (kubeconfig, stdin, arguments); null: on the machine.</param>
    public TlsBootstrapStandIn(string rootfs, string workDir, string nodeName, Func<string, string?, string[], Task<CommandResult>>? kubectl = null) =>
        Completed = Task.Run(() => RunAsync(rootfs, workDir, nodeName, kubectl ?? ProcessKubelet.KubectlAsync, _stop.Token));

    /// <summary>The CSR's name once it was signed; faults when the bootstrap failed.</summary>
    public Task<string> Completed { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Completed;
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            // Reported by the test through Completed where it matters.
        }

        _stop.Dispose();
    }

    private static async Task<string> RunAsync(
        string rootfs, string workDir, string nodeName, Func<string, string?, string[], Task<CommandResult>> kubectl, CancellationToken cancellationToken)
    {
        var bootstrap = Path.Combine(rootfs, "etc/kubernetes/bootstrap-kubelet.conf");
        while (!File.Exists(bootstrap))
        {
            await Task.Delay(200, cancellationToken);
        }

        Directory.CreateDirectory(workDir);
        var kubeconfig = Path.Combine(workDir, $"bootstrap-{nodeName}.conf");
        File.Copy(bootstrap, kubeconfig, overwrite: true);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=system:node:{nodeName}, O=system:nodes", key, HashAlgorithmName.SHA256);
        var csrPem = PemEncoding.Write("CERTIFICATE REQUEST", request.CreateSigningRequest());
        var csr = new JsonObject
        {
            ["apiVersion"] = "certificates.k8s.io/v1",
            ["kind"] = "CertificateSigningRequest",
            ["metadata"] = new JsonObject { ["generateName"] = "node-csr-" },
            ["spec"] = new JsonObject
            {
                ["request"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(csrPem)),
                ["signerName"] = "kubernetes.io/kube-apiserver-client-kubelet",
                ["usages"] = new JsonArray("digital signature", "key encipherment", "client auth"), // the exact set the 1.20 csrapprover accepts
            },
        };
        var deadline = DateTime.UtcNow.AddMinutes(4);
        CommandResult created;
        while ((created = await kubectl(kubeconfig, csr.ToJsonString(), ["create", "-f", "-", "-o", "name"])).ExitCode != 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"creating the CSR with the bootstrap token failed: {created.Error}");
            }

            await Task.Delay(1000, cancellationToken);
        }

        var name = created.Output.Trim().Split('/').Last();
        string certificate;
        while (true)
        {
            var got = await kubectl(kubeconfig, null, ["get", "csr", name, "-o", "jsonpath={.status.certificate}"]);
            if (got.ExitCode == 0 && got.Output.Trim().Length > 0)
            {
                certificate = Encoding.ASCII.GetString(Convert.FromBase64String(got.Output.Trim()));
                break;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"CSR {name} was not signed within 4 minutes: {got.Output}{got.Error}");
            }

            await Task.Delay(500, cancellationToken);
        }

        var pki = Directory.CreateDirectory(Path.Combine(rootfs, "var/lib/kubelet/pki")).FullName;
        await File.WriteAllTextAsync(Path.Combine(pki, "kubelet-client-current.pem"), certificate + key.ExportPkcs8PrivateKeyPem() + "\n", cancellationToken);
        var bootstrapConfig = Kubeadm.Core.KubeConfig.KubeconfigYamlReader.Read(await File.ReadAllTextAsync(kubeconfig, cancellationToken), kubeconfig);
        var cluster = bootstrapConfig.Clusters!.First().ClusterEndpoint!;
        await File.WriteAllTextAsync(Path.Combine(rootfs, "etc/kubernetes/kubelet.conf"), $"""
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: {cluster.CertificateAuthorityData}
                server: {cluster.Server}
              name: default-cluster
            contexts:
            - context:
                cluster: default-cluster
                namespace: default
                user: default-auth
              name: default-context
            current-context: default-context
            kind: Config
            preferences: {"{}"}
            users:
            - name: default-auth
              user:
                client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem
                client-key: /var/lib/kubelet/pki/kubelet-client-current.pem

            """, cancellationToken);
        _ = PemCodec.DecodeCertificates(Encoding.ASCII.GetBytes(certificate), name);
        return name;
    }
}
