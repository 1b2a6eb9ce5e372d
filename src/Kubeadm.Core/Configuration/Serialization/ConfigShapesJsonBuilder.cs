using System.Text.Json.Nodes;
using static Kubeadm.Core.Configuration.Serialization.JsonFieldWriter;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>JSON for the shapes shared by the control-plane components: args, env vars and host-path volumes.</summary>
internal static class ConfigShapesJsonBuilder
{
    public static JsonNode Arg(Arg arg) => new JsonObject { ["name"] = arg.Name, ["value"] = arg.Value };

    public static JsonNode EnvVar(EnvVar env)
    {
        var json = new JsonObject { ["name"] = env.Name };
        OptionalString(json, "value", env.Value);
        if (env.ValueFrom is not null)
        {
            json["valueFrom"] = env.ValueFrom.DeepClone();
        }

        return json;
    }

    public static JsonNode Volume(HostPathMount volume)
    {
        var json = new JsonObject
        {
            ["name"] = volume.Name,
            ["hostPath"] = volume.HostPath,
            ["mountPath"] = volume.MountPath,
        };
        OptionalBool(json, "readOnly", volume.ReadOnly);
        OptionalString(json, "pathType", volume.PathType);
        return json;
    }

    public static JsonObject Component(ControlPlaneComponent component)
    {
        var json = new JsonObject();
        OptionalList(json, "extraArgs", component.ExtraArgs, Arg);
        OptionalList(json, "extraVolumes", component.ExtraVolumes, Volume);
        OptionalList(json, "extraEnvs", component.ExtraEnvs, EnvVar);
        return json;
    }
}
