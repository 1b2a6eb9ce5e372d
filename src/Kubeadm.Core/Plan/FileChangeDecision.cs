using System.Globalization;
using System.Text;

namespace Kubeadm.Core.Plan;

/// <summary>
/// Decides what writing a file would change, from the file as it is on the node and what the run would write:
/// create when absent, unchanged when the bytes and the mode are the same (every write sets the mode, so a different
/// mode is an update too), update otherwise with a line diff. Secret material (keys, certificates, kubeconfigs) is never
/// shown: its diff only says that the content differs.
/// </summary>
public static class FileChangeDecision
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="existing">The file on the node, or null when it does not exist.</param>
    /// <param name="existingMode">Its permission bits (ignored when <paramref name="existing"/> is null).</param>
    /// <param name="written">What the run would write.</param>
    /// <param name="writtenMode">The mode the run would give it.</param>
    /// <param name="showContent">False for secret material: the diff does not quote it.</param>
    public static PlanDecision Decide(byte[]? existing, UnixFileMode existingMode, ReadOnlySpan<byte> written, UnixFileMode writtenMode, bool showContent)
    {
        if (existing is null)
        {
            return PlanDecision.Create;
        }

        var diff = new List<string>();
        if (existingMode != writtenMode)
        {
            diff.Add($"~ mode {Octal(existingMode)} -> {Octal(writtenMode)}");
        }

        if (!written.SequenceEqual(existing))
        {
            diff.AddRange(ContentDiff(existing, written.ToArray(), showContent));
        }

        return diff.Count == 0 ? PlanDecision.Unchanged : PlanDecision.Update(diff);
    }

    /// <summary>The mode as kubeadm users read it, e.g. 0600.</summary>
    public static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0xFFF, 8).PadLeft(3, '0');

    private static IReadOnlyList<string> ContentDiff(byte[] before, byte[] after, bool showContent)
    {
        if (showContent && TryText(before, out var oldText) && TryText(after, out var newText))
        {
            return LineDiff.Compare(oldText, newText);
        }

        var sizes = string.Create(CultureInfo.InvariantCulture, $"{before.Length} -> {after.Length} bytes");
        return [showContent ? $"~ content differs ({sizes})" : $"~ content differs ({sizes}; secret material is not shown)"];
    }

    private static bool TryText(byte[] bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }
}
