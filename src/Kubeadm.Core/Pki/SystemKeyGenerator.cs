using System.Security.Cryptography;

namespace Kubeadm.Core.Pki;

/// <summary>Fresh keys from the platform's cryptography (OpenSSL on Linux).</summary>
public sealed class SystemKeyGenerator : IKeyGenerator
{
    public AsymmetricAlgorithm Generate(KeyAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        return algorithm.IsRsa
            ? RSA.Create(algorithm.Size)
            : ECDsa.Create(algorithm.Size == 384 ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP256);
    }
}
