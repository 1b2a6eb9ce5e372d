using Kubeadm.Core.Pki;

namespace Kubeadm.App.Certs;

/// <summary>
/// What the certs and kubeconfig sub-phases share within one run: the pool of keys generated ahead in parallel, and
/// the certificates whose validity-period warning was already shown (kubeadm shows it once per certificate).
/// </summary>
public sealed class PkiRunState : IDisposable
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private readonly HashSet<string> _startedGroups = new(StringComparer.Ordinal);

    public PkiRunState(IKeyGenerator keyGenerator) => Keys = new PrivateKeyPool(keyGenerator);

    public PrivateKeyPool Keys { get; }

    /// <summary>
    /// Queues <paramref name="keys"/> (in order) in the pool, once per <paramref name="group"/>: the run starts every
    /// group's keys as soon as its configuration is loaded, and a parent phase run on its own starts its group's.
    /// Returns false, queuing nothing, when the group was started before.
    /// </summary>
    public bool StartKeys(string group, IEnumerable<KeyRequest> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_lock)
        {
            if (!_startedGroups.Add(group))
            {
                return false;
            }
        }

        foreach (var key in keys)
        {
            Keys.Prestart(key.Name, key.Algorithm);
        }

        return true;
    }

    /// <summary>True the first time it is called for <paramref name="certificate"/>, false afterwards.</summary>
    public bool ShouldWarn(string certificate)
    {
        lock (_lock)
        {
            return _warned.Add(certificate);
        }
    }

    public void Dispose() => Keys.Dispose();
}
