namespace Kubeadm.Core.Plan;

/// <summary>
/// A short line diff for the plan report: the changed lines of two texts as "- old" / "+ new", in order, from a longest
/// common subsequence of the lines (the files compared are small: manifests, kubelet files, config documents).
/// At most <see cref="MaxLines"/> lines are returned, then one line saying how many more there are.
/// </summary>
public static class LineDiff
{
    public const int MaxLines = 16;

    // Beyond this many lines on both sides the O(n·m) table would be large; the diff then only says the sizes.
    private const int MaxComparedLines = 4000;

    public static IReadOnlyList<string> Compare(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = SplitLines(before);
        var updated = SplitLines(after);
        if (old.Length > MaxComparedLines || updated.Length > MaxComparedLines)
        {
            return [$"~ {old.Length} lines -> {updated.Length} lines"];
        }

        var lines = Changes(old, updated);
        return lines.Count <= MaxLines ? lines : [.. lines.Take(MaxLines), $"… {lines.Count - MaxLines} more changed lines"];
    }

    private static List<string> Changes(string[] old, string[] updated)
    {
        // common[i, j] = length of the longest common subsequence of old[i..] and updated[j..].
        var common = new int[old.Length + 1, updated.Length + 1];
        for (var i = old.Length - 1; i >= 0; i--)
        {
            for (var j = updated.Length - 1; j >= 0; j--)
            {
                common[i, j] = string.Equals(old[i], updated[j], StringComparison.Ordinal)
                    ? common[i + 1, j + 1] + 1
                    : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<string>();
        int a = 0, b = 0;
        while (a < old.Length || b < updated.Length)
        {
            if (a < old.Length && b < updated.Length && string.Equals(old[a], updated[b], StringComparison.Ordinal))
            {
                a++;
                b++;
            }
            else if (a < old.Length && (b == updated.Length || common[a + 1, b] >= common[a, b + 1]))
            {
                lines.Add("- " + old[a++]);
            }
            else
            {
                lines.Add("+ " + updated[b++]);
            }
        }

        return lines;
    }

    private static string[] SplitLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }
}
