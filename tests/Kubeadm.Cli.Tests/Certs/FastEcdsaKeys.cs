using System.Security.Cryptography;
using Kubeadm.Core.Pki;

namespace Kubeadm.Cli.Tests.Certs;

/// <summary>Fresh ECDSA P-256 keys whatever algorithm is asked for: fast, and still real keys.</summary>
internal sealed class FastEcdsaKeys : IKeyGenerator
{
    public AsymmetricAlgorithm Generate(KeyAlgorithm algorithm) => ECDsa.Create(ECCurve.NamedCurves.nistP256);
}
