using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>`kubeadm certs check-expiration` and `certs renew` read the cluster's kubeadm-config through admin.conf.</summary>
public sealed partial class ClusterPhasesEndToEndTests
{
    [ControlPlaneFact]
    public async Task Should_ReadKubeadmConfigFromTheApiServer_When_CertsCommandsRunOnTheControlPlane()
    {
        var check = await cluster.MustRunAsync("certs", "check-expiration");
        Assert.StartsWith(
            "[check-expiration] Reading configuration from the \"kubeadm-config\" ConfigMap in namespace \"kube-system\"...\n"
            + "[check-expiration] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.\n"
            + "\nCERTIFICATE ",
            check);
        Assert.Contains("\netcd-server ", check);

        // What the cluster stores decides: with a validity period set in the ConfigMap, renew uses it.
        var original = await cluster.KubectlAsync("get", "configmap", "kubeadm-config", "-n", Ns, "-o", "json");
        var changed = (JsonObject)JsonNode.Parse(original)!;
        var stored = (string)changed["data"]!["ClusterConfiguration"]!;
        Assert.Matches("(?m)^certificateValidityPeriod: 8760h0m0s$", stored);
        changed["data"]!["ClusterConfiguration"] = Regex.Replace(stored, "(?m)^certificateValidityPeriod: .*$", "certificateValidityPeriod: 100h0m0s");
        await ReplaceAsync(changed);
        try
        {
            var before = DateTime.UtcNow;
            var renew = await cluster.MustRunAsync("certs", "renew", "apiserver-etcd-client");
            Assert.EndsWith("\n\ncertificate the apiserver uses to access etcd renewed\n", renew);
            var notAfter = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(Pki, "apiserver-etcd-client.crt"))).NotAfter.ToUniversalTime();
            Assert.InRange(notAfter, before.AddHours(100).AddMinutes(-1), DateTime.UtcNow.AddHours(100).AddMinutes(1));
        }
        finally
        {
            // Restored by kubeadm itself, so the object (managed fields included) is what a re-run of the phase writes.
            await cluster.MustRunAsync("init", "phase", "upload-config", "all");
        }

        Assert.Contains("certificateValidityPeriod: 8760h0m0s", await cluster.KubectlAsync("get", "configmap", "kubeadm-config", "-n", Ns, "-o", "jsonpath={.data.ClusterConfiguration}"));
    }

    [ControlPlaneFact]
    public async Task Should_FallBackToTheDefaults_When_TheApiServerInTheKubeconfigDoesNotAnswer()
    {
        var admin = await File.ReadAllTextAsync(Path.Combine(cluster.Rootfs, "etc/kubernetes/admin.conf"));
        var dead = admin.Replace(cluster.ControlPlane.ApiServerUrl, $"https://127.0.0.1:{ProcessKubelet.FreePort()}", StringComparison.Ordinal);
        Assert.NotEqual(admin, dead);
        await File.WriteAllTextAsync(Path.Combine(cluster.Rootfs, "etc/kubernetes/unreachable.conf"), dead);

        var check = await cluster.MustRunAsync("certs", "check-expiration", "--kubeconfig", "/etc/kubernetes/unreachable.conf");

        Assert.StartsWith(
            "[check-expiration] Reading configuration from the \"kubeadm-config\" ConfigMap in namespace \"kube-system\"...\n"
            + "[check-expiration] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.\n"
            + "[check-expiration] Error reading configuration from the Cluster. Falling back to default configuration\n"
            + "\nCERTIFICATE ",
            check);
    }

    private async Task ReplaceAsync(JsonObject configMap)
    {
        var result = await ProcessKubelet.KubectlAsync(cluster.ControlPlane.SuperAdminKubeconfig, configMap.ToJsonString(), "replace", "-f", "-");
        Assert.True(result.ExitCode == 0, result.Error);
    }
}
