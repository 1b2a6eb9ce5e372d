using System.Security.Cryptography;

namespace Kubeadm.Core.Host;

/// <summary>Randomness from the operating system's cryptographic generator; what kubeadm uses outside tests.</summary>
public sealed class CryptoRandomSource : IRandomSource
{
    /// <inheritdoc/>
    public void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}
