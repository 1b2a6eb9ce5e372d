using System.Security.Cryptography;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.Tests.Certs;

/// <summary>A fast, thread-safe key generator for phase tests: a fresh ECDSA P-256 key whatever is asked for.</summary>
internal sealed class FastKeys : IKeyGenerator
{
    private int _generated;

    public int Generated => Volatile.Read(ref _generated);

    public AsymmetricAlgorithm Generate(KeyAlgorithm algorithm)
    {
        Interlocked.Increment(ref _generated);
        return ECDsa.Create(ECCurve.NamedCurves.nistP256);
    }
}
