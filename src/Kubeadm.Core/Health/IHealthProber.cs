namespace Kubeadm.Core.Health;

/// <summary>One GET of a health endpoint. Implementations never throw for a failed call; they report it.</summary>
public interface IHealthProber
{
    Task<HealthProbeResult> ProbeAsync(Uri endpoint, CancellationToken cancellationToken);
}
