namespace Kubeadm.Core.Host;

/// <summary>Where kubeadm's randomness comes from (tokens, serial numbers), so tests can make it deterministic.</summary>
public interface IRandomSource
{
    /// <summary>Fills <paramref name="destination"/> with random bytes.</summary>
    void Fill(Span<byte> destination);
}
