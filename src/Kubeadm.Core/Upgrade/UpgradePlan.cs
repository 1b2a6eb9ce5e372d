namespace Kubeadm.Core.Upgrade;

/// <summary>
/// The plan `kubeadm upgrade plan` prints: kubeadm's output.kubeadm.k8s.io/v1alpha3 UpgradePlan (the same fields
/// back the text tables and the -o json|yaml documents).
/// </summary>
public sealed record UpgradePlan(IReadOnlyList<AvailableUpgradePlan> AvailableUpgrades, IReadOnlyList<ComponentConfigVersionState> ConfigVersions)
{
    public const string Kind = "UpgradePlan";

    public const string ApiVersion = "output.kubeadm.k8s.io/v1alpha3";
}

/// <summary>One offered upgrade and the component rows it changes.</summary>
public sealed record AvailableUpgradePlan(string Description, IReadOnlyList<ComponentUpgradePlan> Components);

/// <summary>One component on one node (NodeName "" for cluster-wide components), from its current to its new version.</summary>
public sealed record ComponentUpgradePlan(string Name, string CurrentVersion, string NewVersion, string NodeName);

/// <summary>A component config's API version in the cluster against the one this kubeadm prefers.</summary>
public sealed record ComponentConfigVersionState(string Group, string CurrentVersion, string PreferredVersion, bool ManualUpgradeRequired);
