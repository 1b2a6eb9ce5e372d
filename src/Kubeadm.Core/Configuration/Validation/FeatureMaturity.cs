namespace Kubeadm.Core.Configuration.Validation;

/// <summary>The release stage of a kubeadm feature gate (component-base featuregate.prerelease).</summary>
public enum FeatureMaturity
{
    Alpha,
    Beta,
    GA,
    Deprecated,
}
