using System.Security.Cryptography;

namespace Kubeadm.Core.Pki;

/// <summary>Makes new private keys; injected so tests can use fast fixture keys and runs can generate in parallel.</summary>
public interface IKeyGenerator
{
    AsymmetricAlgorithm Generate(KeyAlgorithm algorithm);
}
