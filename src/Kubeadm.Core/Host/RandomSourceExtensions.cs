namespace Kubeadm.Core.Host;

/// <summary>Random strings drawn from an <see cref="IRandomSource"/> without modulo bias.</summary>
public static class RandomSourceExtensions
{
    /// <summary>The characters of bootstrap tokens: <c>[a-z0-9]</c>.</summary>
    public const string TokenAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A string of <paramref name="length"/> characters from <see cref="TokenAlphabet"/>.</summary>
    public static string NextTokenString(this IRandomSource random, int length) =>
        random.NextString(length, TokenAlphabet);

    /// <summary>A string of <paramref name="length"/> characters, each drawn uniformly from <paramref name="alphabet"/> (at most 256 characters).</summary>
    public static string NextString(this IRandomSource random, int length, string alphabet)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfZero(alphabet.Length, nameof(alphabet));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(alphabet.Length, 256, nameof(alphabet));

        // Bytes at or above the largest multiple of the alphabet size are redrawn, so every character is equally likely.
        var limit = 256 / alphabet.Length * alphabet.Length;
        var result = new char[length];
        Span<byte> buffer = stackalloc byte[64];
        var filled = 0;
        var used = buffer.Length;
        while (filled < length)
        {
            if (used == buffer.Length)
            {
                random.Fill(buffer);
                used = 0;
            }

            var value = buffer[used++];
            if (value < limit)
            {
                result[filled++] = alphabet[value % alphabet.Length];
            }
        }

        return new string(result);
    }
}
