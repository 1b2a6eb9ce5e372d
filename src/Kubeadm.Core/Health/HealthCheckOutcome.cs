namespace Kubeadm.Core.Health;

/// <summary>How waiting for one target ended: healthy or not, after how long, and the last probe's result.</summary>
public sealed record HealthCheckOutcome(HealthCheckTarget Target, bool Healthy, TimeSpan Elapsed, HealthProbeResult? LastResult);
