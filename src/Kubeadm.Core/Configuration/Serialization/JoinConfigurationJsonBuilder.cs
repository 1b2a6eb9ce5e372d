using System.Text.Json.Nodes;
using static Kubeadm.Core.Configuration.Serialization.JsonFieldWriter;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>Builds the v1beta4 JoinConfiguration JSON tree, with the field presence rules of kubeadm's Go types.</summary>
public static class JoinConfigurationJsonBuilder
{
    public static JsonObject Build(JoinConfiguration join)
    {
        ArgumentNullException.ThrowIfNull(join);
        var json = new JsonObject
        {
            ["apiVersion"] = KubeadmApiVersions.V1Beta4,
            ["kind"] = KubeadmApiVersions.JoinConfigurationKind,
        };
        OptionalString(json, "caCertPath", join.CaCertPath);
        if (join.ControlPlane is { } controlPlane)
        {
            var endpoint = new JsonObject();
            OptionalString(endpoint, "advertiseAddress", controlPlane.LocalApiEndpoint.AdvertiseAddress);
            if (controlPlane.LocalApiEndpoint.BindPort != 0)
            {
                endpoint["bindPort"] = controlPlane.LocalApiEndpoint.BindPort;
            }

            var controlPlaneJson = new JsonObject { ["localAPIEndpoint"] = endpoint };
            OptionalString(controlPlaneJson, "certificateKey", controlPlane.CertificateKey);
            json["controlPlane"] = controlPlaneJson;
        }

        json["discovery"] = Discovery(join.Discovery);
        OptionalBool(json, "dryRun", join.DryRun);
        json["nodeRegistration"] = InitConfigurationJsonBuilder.NodeRegistration(join.NodeRegistration);
        if (join.Patches is { } patches)
        {
            var patchesJson = new JsonObject();
            OptionalString(patchesJson, "directory", patches.Directory);
            json["patches"] = patchesJson;
        }

        OptionalStrings(json, "skipPhases", join.SkipPhases);
        var timeouts = InitConfigurationJsonBuilder.Timeouts(join.Timeouts);
        if (timeouts.Count > 0)
        {
            json["timeouts"] = timeouts;
        }

        return json;
    }

    private static JsonObject Discovery(Discovery discovery)
    {
        var json = new JsonObject();
        if (discovery.BootstrapToken is { } token)
        {
            var tokenJson = new JsonObject();
            OptionalString(tokenJson, "apiServerEndpoint", token.ApiServerEndpoint);
            OptionalStrings(tokenJson, "caCertHashes", token.CaCertHashes);
            OptionalString(tokenJson, "token", token.Token);
            OptionalBool(tokenJson, "unsafeSkipCAVerification", token.UnsafeSkipCaVerification);
            json["bootstrapToken"] = tokenJson;
        }

        if (discovery.File is { } file)
        {
            var fileJson = new JsonObject();
            OptionalString(fileJson, "kubeConfigPath", file.KubeConfigPath);
            json["file"] = fileJson;
        }

        OptionalString(json, "tlsBootstrapToken", discovery.TlsBootstrapToken);
        return json;
    }
}
