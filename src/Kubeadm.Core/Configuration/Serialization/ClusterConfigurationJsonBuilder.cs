using System.Text.Json.Nodes;
using static Kubeadm.Core.Configuration.Serialization.JsonFieldWriter;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>
/// Builds the v1beta4 ClusterConfiguration JSON tree. Nested structs are always written (Go's omitempty does not
/// drop structs), so empty ones show as "{}"; etcd.local.dataDir and the external etcd fields are never omitted.
/// </summary>
internal static class ClusterConfigurationJsonBuilder
{
    public static JsonObject Build(ClusterConfiguration cluster)
    {
        var json = new JsonObject
        {
            ["apiVersion"] = KubeadmApiVersions.V1Beta4,
            ["kind"] = KubeadmApiVersions.ClusterConfigurationKind,
            ["etcd"] = Etcd(cluster.Etcd),
        };
        var networking = new JsonObject();
        OptionalString(networking, "serviceSubnet", cluster.Networking.ServiceSubnet);
        OptionalString(networking, "podSubnet", cluster.Networking.PodSubnet);
        OptionalString(networking, "dnsDomain", cluster.Networking.DnsDomain);
        json["networking"] = networking;
        OptionalString(json, "kubernetesVersion", cluster.KubernetesVersion);
        OptionalString(json, "controlPlaneEndpoint", cluster.ControlPlaneEndpoint);
        var apiServer = ConfigShapesJsonBuilder.Component(cluster.ApiServer);
        OptionalStrings(apiServer, "certSANs", cluster.ApiServer.CertSans);
        json["apiServer"] = apiServer;
        json["controllerManager"] = ConfigShapesJsonBuilder.Component(cluster.ControllerManager);
        json["scheduler"] = ConfigShapesJsonBuilder.Component(cluster.Scheduler);
        var dns = new JsonObject();
        OptionalString(dns, "imageRepository", cluster.Dns.ImageRepository);
        OptionalString(dns, "imageTag", cluster.Dns.ImageTag);
        OptionalBool(dns, "disabled", cluster.Dns.Disabled);
        json["dns"] = dns;
        var proxy = new JsonObject();
        OptionalBool(proxy, "disabled", cluster.Proxy.Disabled);
        json["proxy"] = proxy;
        OptionalString(json, "certificatesDir", cluster.CertificatesDir);
        OptionalString(json, "imageRepository", cluster.ImageRepository);
        if (cluster.FeatureGates.Count > 0)
        {
            var gates = new JsonObject();
            foreach (var (gate, enabled) in cluster.FeatureGates)
            {
                gates[gate] = enabled;
            }

            json["featureGates"] = gates;
        }

        OptionalString(json, "clusterName", cluster.ClusterName);
        OptionalString(json, "encryptionAlgorithm", cluster.EncryptionAlgorithm);
        OptionalDuration(json, "certificateValidityPeriod", cluster.CertificateValidityPeriod);
        OptionalDuration(json, "caCertificateValidityPeriod", cluster.CaCertificateValidityPeriod);
        return json;
    }

    private static JsonObject Etcd(Etcd etcd)
    {
        var json = new JsonObject();
        if (etcd.Local is { } local)
        {
            var localJson = new JsonObject();
            OptionalString(localJson, "imageRepository", local.ImageRepository);
            OptionalString(localJson, "imageTag", local.ImageTag);
            localJson["dataDir"] = local.DataDir;
            OptionalList(localJson, "extraArgs", local.ExtraArgs, ConfigShapesJsonBuilder.Arg);
            OptionalList(localJson, "extraEnvs", local.ExtraEnvs, ConfigShapesJsonBuilder.EnvVar);
            OptionalStrings(localJson, "serverCertSANs", local.ServerCertSans);
            OptionalStrings(localJson, "peerCertSANs", local.PeerCertSans);
            json["local"] = localJson;
        }

        if (etcd.External is { } external)
        {
            json["external"] = new JsonObject
            {
                ["endpoints"] = external.Endpoints.Count > 0 ? Strings(external.Endpoints) : null,
                ["caFile"] = external.CaFile,
                ["certFile"] = external.CertFile,
                ["keyFile"] = external.KeyFile,
            };
        }

        return json;
    }
}
