namespace Kubeadm.Core.Health;

/// <summary>What one probe got: an HTTP status, or the error that prevented one (connection refused, timeout…).</summary>
public sealed record HealthProbeResult(int? StatusCode, string? Error)
{
    public bool IsHealthy => StatusCode == 200;

    public static HealthProbeResult Status(int statusCode) => new(statusCode, null);

    public static HealthProbeResult Failed(string error) => new(null, error);
}
