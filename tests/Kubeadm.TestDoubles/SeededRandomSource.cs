using System.Buffers.Binary;

namespace Kubeadm.Core.Host;

/// <summary>
/// Deterministic, NOT secure randomness for tests: the same seed always yields the same bytes, on every platform
/// and .NET version (SplitMix64, rather than <see cref="Random"/> whose algorithm may change).
/// </summary>
public sealed class SeededRandomSource : IRandomSource
{
    private readonly Lock _lock = new();
    private ulong _state;

    /// <summary>Creates the source from a seed.</summary>
    public SeededRandomSource(ulong seed)
    {
        _state = seed;
    }

    /// <inheritdoc/>
    public void Fill(Span<byte> destination)
    {
        Span<byte> block = stackalloc byte[8];
        lock (_lock)
        {
            for (var index = 0; index < destination.Length; index += block.Length)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(block, Next());
                var count = Math.Min(block.Length, destination.Length - index);
                block[..count].CopyTo(destination[index..]);
            }
        }
    }

    private ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var mixed = _state;
        mixed = (mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9UL;
        mixed = (mixed ^ (mixed >> 27)) * 0x94D049BB133111EBUL;
        return mixed ^ (mixed >> 31);
    }
}
