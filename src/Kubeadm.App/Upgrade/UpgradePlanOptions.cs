namespace Kubeadm.App.Upgrade;

/// <summary>What `kubeadm upgrade plan` was asked for (flags, the [version] argument, and an UpgradeConfiguration's plan section).</summary>
public sealed record UpgradePlanOptions
{
    /// <summary>The [version] argument or plan.kubernetesVersion; null or "" means this kubeadm's version.</summary>
    public string? TargetVersion { get; init; }

    public bool AllowExperimentalUpgrades { get; init; }

    public bool AllowReleaseCandidateUpgrades { get; init; }

    public bool PrintConfig { get; init; }

    /// <summary>Normalized (lower-case) check names, or "all".</summary>
    public IReadOnlyList<string> IgnorePreflightErrors { get; init; } = [];

    /// <summary>text, json or yaml.</summary>
    public string Output { get; init; } = "text";

    /// <summary>timeouts.kubernetesAPICall of the UpgradeConfiguration: how long the health-check Job may take (kubeadm: 1m).</summary>
    public TimeSpan? KubernetesApiCallTimeout { get; init; }

    /// <summary>How often the health check asks whether its Job completed.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
