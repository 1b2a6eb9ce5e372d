using System.Text.Json.Nodes;
using static Kubeadm.Core.Configuration.Serialization.JsonFieldWriter;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>Builds the v1beta4 InitConfiguration JSON tree, with the field presence rules of kubeadm's Go types.</summary>
internal static class InitConfigurationJsonBuilder
{
    public static JsonObject Build(InitConfiguration init)
    {
        var json = new JsonObject
        {
            ["apiVersion"] = KubeadmApiVersions.V1Beta4,
            ["kind"] = KubeadmApiVersions.InitConfigurationKind,
        };
        OptionalList(json, "bootstrapTokens", init.BootstrapTokens, BootstrapToken);
        OptionalBool(json, "dryRun", init.DryRun);
        json["nodeRegistration"] = NodeRegistration(init.NodeRegistration);
        var endpoint = new JsonObject();
        OptionalString(endpoint, "advertiseAddress", init.LocalApiEndpoint.AdvertiseAddress);
        if (init.LocalApiEndpoint.BindPort != 0)
        {
            endpoint["bindPort"] = init.LocalApiEndpoint.BindPort;
        }

        json["localAPIEndpoint"] = endpoint;
        OptionalString(json, "certificateKey", init.CertificateKey);
        OptionalStrings(json, "skipPhases", init.SkipPhases);
        if (init.Patches is { } patches)
        {
            var patchesJson = new JsonObject();
            OptionalString(patchesJson, "directory", patches.Directory);
            json["patches"] = patchesJson;
        }

        var timeouts = Timeouts(init.Timeouts);
        if (timeouts.Count > 0)
        {
            json["timeouts"] = timeouts;
        }

        return json;
    }

    private static JsonObject BootstrapToken(BootstrapToken token)
    {
        var json = new JsonObject();
        OptionalString(json, "token", token.Token);
        OptionalString(json, "description", token.Description);
        OptionalDuration(json, "ttl", token.Ttl);
        OptionalTime(json, "expires", token.Expires);
        OptionalStrings(json, "usages", token.Usages);
        OptionalStrings(json, "groups", token.Groups);
        return json;
    }

    internal static JsonObject NodeRegistration(NodeRegistrationOptions options)
    {
        var json = new JsonObject();
        OptionalString(json, "name", options.Name);
        OptionalString(json, "criSocket", options.CriSocket);
        json["taints"] = options.Taints is null ? null : new JsonArray([.. options.Taints.Select(Taint)]);
        OptionalList(json, "kubeletExtraArgs", options.KubeletExtraArgs, ConfigShapesJsonBuilder.Arg);
        OptionalStrings(json, "ignorePreflightErrors", options.IgnorePreflightErrors);
        OptionalString(json, "imagePullPolicy", options.ImagePullPolicy);
        if (options.ImagePullSerial is { } serial)
        {
            json["imagePullSerial"] = serial;
        }

        return json;
    }

    private static JsonNode Taint(Taint taint)
    {
        var json = new JsonObject { ["key"] = taint.Key };
        OptionalString(json, "value", taint.Value);
        json["effect"] = taint.Effect;
        OptionalTime(json, "timeAdded", taint.TimeAdded);
        return json;
    }

    internal static JsonObject Timeouts(Timeouts timeouts)
    {
        var json = new JsonObject();
        OptionalDuration(json, "controlPlaneComponentHealthCheck", timeouts.ControlPlaneComponentHealthCheck);
        OptionalDuration(json, "kubeletHealthCheck", timeouts.KubeletHealthCheck);
        OptionalDuration(json, "kubernetesAPICall", timeouts.KubernetesApiCall);
        OptionalDuration(json, "etcdAPICall", timeouts.EtcdApiCall);
        OptionalDuration(json, "tlsBootstrap", timeouts.TlsBootstrap);
        OptionalDuration(json, "discovery", timeouts.Discovery);
        OptionalDuration(json, "upgradeManifests", timeouts.UpgradeManifests);
        return json;
    }
}
