namespace Kubeadm.Core.Patches;

/// <summary>
/// The patchMergeKey / patchStrategy tags of the Kubernetes API types kubeadm patches (core/v1 Pod, apps/v1
/// Deployment), limited to the fields that can appear in them; KubeletConfiguration has none.
/// </summary>
internal static class StrategicMergeSchemas
{
    public static StrategicMergeSchema None { get; } = new();

    public static StrategicMergeSchema Pod { get; } = new StrategicMergeSchema()
        .Object("metadata", ObjectMeta())
        .Object("spec", PodSpec());

    public static StrategicMergeSchema Deployment { get; } = new StrategicMergeSchema()
        .Object("metadata", ObjectMeta())
        .Object("spec", new StrategicMergeSchema()
            .Object("template", new StrategicMergeSchema()
                .Object("metadata", ObjectMeta())
                .Object("spec", PodSpec())));

    private static StrategicMergeSchema ObjectMeta() => new StrategicMergeSchema()
        .MergedSet("finalizers")
        .MergedList("ownerReferences", "uid");

    private static StrategicMergeSchema PodSpec()
    {
        var container = new StrategicMergeSchema()
            .MergedList("ports", "containerPort")
            .MergedList("env", "name")
            .MergedList("volumeMounts", "mountPath")
            .MergedList("volumeDevices", "devicePath");
        return new StrategicMergeSchema()
            .MergedList("volumes", "name")
            .MergedList("initContainers", "name", container)
            .MergedList("containers", "name", container)
            .MergedList("ephemeralContainers", "name", container)
            .MergedList("imagePullSecrets", "name")
            .MergedList("hostAliases", "ip")
            .MergedList("topologySpreadConstraints", "topologyKey")
            .MergedList("resourceClaims", "name")
            .MergedList("schedulingGates", "name");
    }
}
