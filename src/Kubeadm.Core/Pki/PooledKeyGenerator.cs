using System.Security.Cryptography;

namespace Kubeadm.Core.Pki;

/// <summary>An <see cref="IKeyGenerator"/> that hands out the key a <see cref="PrivateKeyPool"/> started under one name.</summary>
public sealed class PooledKeyGenerator(PrivateKeyPool pool, string name) : IKeyGenerator
{
    public AsymmetricAlgorithm Generate(KeyAlgorithm algorithm) => pool.Take(name, algorithm);
}
