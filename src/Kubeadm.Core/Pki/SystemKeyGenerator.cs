using System.Security.Cryptography;

namespace Kubeadm.Core.Pki;

/// <summary>Fresh keys from the platform's cryptography (OpenSSL on Linux).</summary>
public sealed class SystemKeyGenerator : IKeyGenerator
{
    public AsymmetricAlgorithm Generate(KeyAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        AsymmetricAlgorithm key = algorithm.IsRsa
            ? RSA.Create(algorithm.Size)
            : ECDsa.Create(algorithm.Size == 384 ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP256);

        // OpenSSL-backed keys are generated lazily on first use; force it here so the work happens on the calling
        // (pool) thread, not later on whichever thread first signs with the key.
        _ = key.ExportSubjectPublicKeyInfo();
        return key;
    }
}
