using Kubeadm.Core.Pki;

namespace Kubeadm.App.Certs;

/// <summary>
/// What the certs sub-phases share within one run: the pool of keys generated ahead in parallel, and the
/// certificates whose validity-period warning was already shown (kubeadm shows it once per certificate).
/// </summary>
public sealed class PkiRunState
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    public PkiRunState(IKeyGenerator keyGenerator) => Keys = new PrivateKeyPool(keyGenerator);

    public PrivateKeyPool Keys { get; }

    /// <summary>True the first time it is called for <paramref name="certificate"/>, false afterwards.</summary>
    public bool ShouldWarn(string certificate)
    {
        lock (_lock)
        {
            return _warned.Add(certificate);
        }
    }
}
