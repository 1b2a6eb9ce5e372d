namespace Kubeadm.Core.Preflight;

/// <summary>Everything a preflight run reported, in check order.</summary>
public sealed record PreflightReport(IReadOnlyList<PreflightFinding> Findings)
{
    public IReadOnlyList<PreflightFinding> Errors => [.. Findings.Where(f => f.IsFatal)];

    public IReadOnlyList<PreflightFinding> Warnings => [.. Findings.Where(f => !f.IsFatal)];

    public bool Failed => Findings.Any(f => f.IsFatal);
}
