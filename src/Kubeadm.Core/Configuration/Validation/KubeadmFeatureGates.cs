namespace Kubeadm.Core.Configuration.Validation;

/// <summary>
/// kubeadm v1.34's own feature gates (cmd/kubeadm/app/features, InitFeatureGates). EtcdLearnerMode went GA in 1.32
/// and was removed afterwards, so it is unknown here. A deprecated gate is treated as unknown, as kubeadm's
/// features.Supports does.
/// </summary>
public static class KubeadmFeatureGates
{
    public const string ControlPlaneKubeletLocalMode = "ControlPlaneKubeletLocalMode";
    public const string NodeLocalCriSocket = "NodeLocalCRISocket";
    public const string PublicKeysEcdsa = "PublicKeysECDSA";
    public const string RootlessControlPlane = "RootlessControlPlane";
    public const string WaitForAllControlPlaneComponents = "WaitForAllControlPlaneComponents";

    public static IReadOnlyList<KubeadmFeatureGate> All { get; } =
    [
        new(ControlPlaneKubeletLocalMode, Default: true, FeatureMaturity.Beta),
        new(NodeLocalCriSocket, Default: true, FeatureMaturity.Beta),
        new(PublicKeysEcdsa, Default: false, FeatureMaturity.Deprecated),
        new(RootlessControlPlane, Default: false, FeatureMaturity.Alpha),
        new(WaitForAllControlPlaneComponents, Default: true, FeatureMaturity.GA, LockedToDefault: true),
    ];

    public static KubeadmFeatureGate? Find(string name) => All.FirstOrDefault(g => g.Name == name);

    /// <summary>kubeadm's features.Supports: known and not deprecated.</summary>
    public static bool IsSupported(string name) => Find(name) is { Maturity: not FeatureMaturity.Deprecated };

    /// <summary>The gate's value from the config, or its default (false for an unknown gate).</summary>
    public static bool IsEnabled(IReadOnlyDictionary<string, bool> configured, string name) =>
        configured.TryGetValue(name, out var value) ? value : Find(name)?.Default ?? false;
}
