namespace Kubeadm.Core.Health;

/// <summary>A component to wait for and the URL that says whether it is healthy.</summary>
public sealed record HealthCheckTarget(string Name, Uri Url);
