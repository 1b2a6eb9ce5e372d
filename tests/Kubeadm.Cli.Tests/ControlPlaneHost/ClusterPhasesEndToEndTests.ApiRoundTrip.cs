using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Kubeadm.App.ClusterApi;
using Kubeadm.App.Host;
using Kubeadm.App.Init;
using Kubeadm.Core.Addons;
using Kubeadm.Core.BootstrapTokens;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.Kubelet;
using Kubeadm.Core.UploadCerts;
using Kubeadm.Core.UploadConfig;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>
/// Golden files only freeze our own output; this checks it against the real API server instead: every static Pod
/// manifest init wrote and every object the cluster phases create goes through the server (dry run) and comes back
/// with every field we set, except the ones listed in <see cref="ApiServerRoundTrip.KnownNewerFields"/>.
/// </summary>
public sealed partial class ClusterPhasesEndToEndTests
{
    private const string RoundTripSuffix = "-roundtrip";

    [ControlPlaneFact]
    public async Task Should_KeepEveryFieldOfTheStaticPods_When_TheApiServerReadsThemAsPods()
    {
        var manifests = Directory.GetFiles(Path.Combine(cluster.Rootfs, "etc/kubernetes/manifests"), "*.yaml").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"], manifests.Select(Path.GetFileNameWithoutExtension));
        var pods = new List<JsonObject>();
        foreach (var manifest in manifests)
        {
            var pod = await ReadYamlObjectAsync(manifest);
            // A static Pod's namespace is kube-system once the kubelet mirrors it; the server needs it said.
            ((JsonObject)pod["metadata"]!)["namespace"] = "kube-system";
            pods.Add(pod);
        }

        await AssertServerKeepsEveryFieldAsync(pods);

        // The check itself: a misspelled probe field is dropped by the server and reported.
        var misspelled = (JsonObject)pods[0].DeepClone();
        ((JsonObject)misspelled["spec"]!["containers"]![0]!["livenessProbe"]!)["initialDelaySecond"] = 10;
        var (sent, returned) = await ApiServerRoundTrip.DryRunCreateAsync(cluster.ControlPlane, misspelled, RoundTripSuffix);
        Assert.Equal(["Pod:spec.containers[*].livenessProbe.initialDelaySecond"], ApiServerRoundTrip.DroppedFields(sent, returned));
    }

    [ControlPlaneFact]
    public async Task Should_KeepEveryFieldOfTheClusterObjects_When_TheApiServerCreatesThem()
    {
        var config = LoadFixtureConfig();
        var now = DateTimeOffset.UtcNow;
        var dns = CoreDnsObjects.Build(config.Cluster);
        var proxy = KubeProxyObjects.Build(config, [], _ => { });
        var adminConf = Path.Combine(cluster.Rootfs, "etc/kubernetes/admin.conf");
        var kubeletYaml = JsonYamlWriter.Write(KubeletConfigurationBuilder.Build(config, systemdResolvedActive: false, _ => { }));
        var owner = CertificateKeyTokenSecret.Create(new CryptoRandomSource(), now);
        owner.Metadata.Uid = Guid.NewGuid().ToString();
        var objects = new List<JsonObject>
        {
            Json(dns.ConfigMap), Json(dns.ClusterRole), Json(dns.ClusterRoleBinding), Json(dns.ServiceAccount), Json(dns.Deployment), Json(dns.Service),
            Json(proxy.ConfigMap), Json(proxy.DaemonSet), Json(proxy.ServiceAccount), Json(proxy.ClusterRoleBinding), Json(proxy.Role), Json(proxy.RoleBinding),
            Json(KubeadmConfigMap.Create(config.Cluster)), Json(KubeadmConfigMap.Role()), Json(KubeadmConfigMap.RoleBinding()),
            Json(KubeletConfigMap.Create(kubeletYaml, userSupplied: false)), Json(KubeletConfigMap.Role()), Json(KubeletConfigMap.RoleBinding()),
            Json(ClusterInfoConfigMap.Create(KubeconfigYamlReader.Read(await File.ReadAllTextAsync(adminConf), adminConf), adminConf)),
            Json(BootstrapTokenRbac.ClusterInfoRole()), Json(BootstrapTokenRbac.ClusterInfoRoleBinding()),
            Json(BootstrapTokenRbac.GetNodesClusterRole()), Json(BootstrapTokenRbac.GetNodesBinding()),
            Json(BootstrapTokenRbac.KubeletBootstrapBinding()), Json(BootstrapTokenRbac.AutoApproveBootstrapBinding()),
            Json(BootstrapTokenRbac.AutoApproveCertificateRotationBinding()),
            Json(BootstrapTokenSecret.Encode(config.Init.BootstrapTokens[0], now)),
            Json(owner), Json(KubeadmCertsSecret.Create(new Dictionary<string, byte[]> { ["ca.crt"] = [1, 2, 3] }, owner)),
            Json(KubeadmCertsSecret.Role()), Json(KubeadmCertsSecret.RoleBinding()),
            Json(AdminClusterAccess.Binding()),
        };

        await AssertServerKeepsEveryFieldAsync(objects);
    }

    private async Task AssertServerKeepsEveryFieldAsync(List<JsonObject> objects)
    {
        var dropped = new List<string>();
        var expectedSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in objects)
        {
            var (sent, returned) = await ApiServerRoundTrip.DryRunCreateAsync(cluster.ControlPlane, item, RoundTripSuffix);
            foreach (var field in ApiServerRoundTrip.DroppedFields(sent, returned))
            {
                if (ApiServerRoundTrip.ExpectedDrop(field) is not null)
                {
                    expectedSeen.Add(field);
                    continue;
                }

                dropped.Add($"{ApiServerRoundTrip.Describe(sent)}: {field}");
            }
        }

        foreach (var field in expectedSeen)
        {
            output.WriteLine($"dropped as expected: {field} ({ApiServerRoundTrip.ExpectedDrop(field)})");
        }

        Assert.True(dropped.Count == 0, "the API server dropped fields (misspelled or unknown):\n" + string.Join('\n', dropped));
    }

    private KubeadmConfig LoadFixtureConfig()
    {
        var fileSystem = new PhysicalFileSystem(cluster.Rootfs);
        var loader = new InitConfigurationLoader(
            fileSystem, new FixedHostInfo(ClusterPhasesFixture.NodeName, System.Net.IPAddress.Loopback), new CryptoRandomSource(), _ => { }, File.ReadAllBytes);
        return loader.Load(new InitOptions { ConfigPath = cluster.ConfigPath, Rootfs = cluster.Rootfs }).Config;
    }

    private static JsonObject Json<T>(T item)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        (JsonObject)JsonNode.Parse(KubernetesJson.Serialize(Kubeadm.Core.ClusterApi.ApiObjects.WithTypeMeta(item)))!;

    /// <summary>The manifest as JSON, converted by kubectl (client side: nothing reaches the server, nothing is dropped).</summary>
    private async Task<JsonObject> ReadYamlObjectAsync(string path)
    {
        var converted = await cluster.KubectlAsync("create", "--dry-run=client", "--validate=false", "-o", "json", "-f", path);
        return (JsonObject)JsonNode.Parse(converted)!;
    }
}
