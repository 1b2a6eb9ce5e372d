using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Kubeadm.Core.Pki;

/// <summary>
/// Generates private keys ahead of time, in parallel. Key generation dominates the certs phase (RSA especially) and
/// the keys are independent, so a run starts every key it will need at once and each sub-phase takes its own by
/// name; a key nobody started is generated on the spot. Safe to use from several threads.
/// </summary>
public sealed class PrivateKeyPool
{
    private readonly IKeyGenerator _generator;
    private readonly ConcurrentDictionary<string, Task<AsymmetricAlgorithm>> _started = new(StringComparer.Ordinal);

    public PrivateKeyPool(IKeyGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        _generator = generator;
    }

    /// <summary>Starts generating the key named <paramref name="name"/> in the background, unless already started.</summary>
    public void Prestart(string name, KeyAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(algorithm);
        _started.GetOrAdd(name, _ => Task.Run(() => _generator.Generate(algorithm)));
    }

    /// <summary>Names of keys started and not yet taken.</summary>
    public IReadOnlyCollection<string> Pending => [.. _started.Keys];

    /// <summary>The key started for <paramref name="name"/> (waiting for it if needed), else a freshly generated one.</summary>
    public AsymmetricAlgorithm Take(string name, KeyAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(algorithm);
        return _started.TryRemove(name, out var started)
            ? started.GetAwaiter().GetResult()
            : _generator.Generate(algorithm);
    }
}
