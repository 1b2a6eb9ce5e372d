namespace Kubeadm.Core.Configuration.Validation;

/// <summary>One kubeadm feature gate: its default, maturity, and whether it may still be changed.</summary>
public sealed record KubeadmFeatureGate(string Name, bool Default, FeatureMaturity Maturity, bool LockedToDefault = false);
