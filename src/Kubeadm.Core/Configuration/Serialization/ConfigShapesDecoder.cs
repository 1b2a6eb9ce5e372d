namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>Decoders for the small shapes shared by both kubeadm documents (args, env vars, volumes, taints, tokens).</summary>
internal static class ConfigShapesDecoder
{
    /// <summary>extraArgs: a list of {name, value} in v1beta4, a map in v1beta3 (converted to a list sorted by name, then value).</summary>
    public static List<Arg>? Args(StrictMappingReader reader, string name, bool isV1Beta4)
    {
        if (isV1Beta4)
        {
            return reader.List(name, (node, path) => reader.Values.Object(node, path, r =>
                new Arg(r.String("name") ?? "", r.String("value") ?? "")));
        }

        var map = reader.Map(name, reader.Values.String);
        return map?.Select(pair => new Arg(pair.Key, pair.Value))
            .OrderBy(arg => arg.Name, StringComparer.Ordinal)
            .ThenBy(arg => arg.Value, StringComparer.Ordinal)
            .ToList();
    }

    public static List<EnvVar>? EnvVars(StrictMappingReader reader, string name) =>
        reader.List(name, (node, path) => reader.Values.Object(node, path, r =>
            new EnvVar(r.String("name") ?? "", r.String("value") ?? "", r.JsonObject("valueFrom"))));

    public static List<HostPathMount>? Volumes(StrictMappingReader reader, string name) =>
        reader.List(name, (node, path) => reader.Values.Object(node, path, r => new HostPathMount(
            r.String("name") ?? "",
            r.String("hostPath") ?? "",
            r.String("mountPath") ?? "",
            r.Bool("readOnly") ?? false,
            r.String("pathType") ?? "")));

    public static List<Taint>? Taints(StrictMappingReader reader, string name) =>
        reader.List(name, (node, path) => reader.Values.Object(node, path, r => new Taint(
            r.String("key") ?? "",
            r.String("value") ?? "",
            r.String("effect") ?? "",
            r.Time("timeAdded"))));

    public static List<BootstrapToken>? BootstrapTokens(StrictMappingReader reader, string name) =>
        reader.List(name, (node, path) => reader.Values.Object(node, path, r => new BootstrapToken
        {
            Token = r.String("token") ?? "",
            Description = r.String("description") ?? "",
            Ttl = r.Duration("ttl"),
            Expires = r.Time("expires"),
            Usages = r.StringList("usages") ?? [],
            Groups = r.StringList("groups") ?? [],
        }));
}
