namespace Kubeadm.Core.Preflight;

/// <summary>
/// One named preflight check. The name is kubeadm's, so <c>--ignore-preflight-errors</c> takes the same names;
/// several checks may share a name (kubeadm's ExternalEtcdClientCertificates, HTTPProxyCIDR).
/// </summary>
public sealed record PreflightCheck(string Name, Func<CancellationToken, Task<CheckOutcome>> RunAsync)
{
    /// <summary>A check whose work is synchronous.</summary>
    public static PreflightCheck Of(string name, Func<CheckOutcome> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new PreflightCheck(name, _ => Task.FromResult(run()));
    }
}
