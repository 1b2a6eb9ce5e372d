using System.Globalization;
using System.Text;

namespace Kubeadm.Core.Upgrade;

/// <summary>
/// A unified diff as kubeadm prints it (go-difflib's WriteUnifiedDiff): "---"/"+++" headers, then hunks of changes
/// with <c>context</c> unchanged lines around them, changes separated by more than twice the context in hunks of
/// their own. Lines are split keeping their newline, and like difflib's SplitLines the text gets one more "\n" line
/// at its end. Identical texts give an empty string. The edit script is a longest common subsequence of the lines.
/// </summary>
public static class UnifiedDiff
{
    // Beyond this many lines on both sides the O(n·m) table would be large; manifests are far smaller.
    private const int MaxComparedLines = 20000;

    public static string Format(string before, string after, string fromFile, string toFile, int context)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        var a = SplitLines(before);
        var b = SplitLines(after);
        if (a.Length > MaxComparedLines || b.Length > MaxComparedLines)
        {
            throw new ArgumentException($"the texts are too long to compare ({a.Length} and {b.Length} lines)");
        }

        var output = new StringBuilder();
        foreach (var group in GroupedOpCodes(OpCodes(a, b), context))
        {
            if (output.Length == 0)
            {
                output.Append("--- ").Append(fromFile).Append('\n');
                output.Append("+++ ").Append(toFile).Append('\n');
            }

            var first = group[0];
            var last = group[^1];
            output.Append("@@ -").Append(Range(first.I1, last.I2)).Append(" +").Append(Range(first.J1, last.J2)).Append(" @@\n");
            foreach (var op in group)
            {
                if (op.Tag == 'e')
                {
                    for (var i = op.I1; i < op.I2; i++)
                    {
                        output.Append(' ').Append(a[i]);
                    }

                    continue;
                }

                for (var i = op.I1; i < op.I2; i++)
                {
                    output.Append('-').Append(a[i]);
                }

                for (var j = op.J1; j < op.J2; j++)
                {
                    output.Append('+').Append(b[j]);
                }
            }
        }

        return output.ToString();
    }

    /// <summary>Lines with their "\n" kept; the last one always gets a "\n" added (so "a\n" is ["a\n", "\n"]).</summary>
    public static string[] SplitLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        lines.Add(text[start..] + "\n");
        return [.. lines];
    }

    private static string Range(int start, int stop)
    {
        var beginning = start + 1;
        var length = stop - start;
        if (length == 1)
        {
            return beginning.ToString(CultureInfo.InvariantCulture);
        }

        if (length == 0)
        {
            beginning--;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{beginning},{length}");
    }

    /// <summary>Equal ('e') and changed ('r': the deleted a-lines then the inserted b-lines) runs covering both texts.</summary>
    private static List<OpCode> OpCodes(string[] a, string[] b)
    {
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = string.Equals(a[i], b[j], StringComparison.Ordinal) ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var codes = new List<OpCode>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && string.Equals(a[x], b[y], StringComparison.Ordinal))
            {
                int x0 = x, y0 = y;
                while (x < a.Length && y < b.Length && string.Equals(a[x], b[y], StringComparison.Ordinal))
                {
                    x++;
                    y++;
                }

                codes.Add(new OpCode('e', x0, x, y0, y));
                continue;
            }

            int i1 = x, j1 = y;
            while (x < a.Length || y < b.Length)
            {
                if (x < a.Length && y < b.Length && string.Equals(a[x], b[y], StringComparison.Ordinal))
                {
                    break;
                }

                if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
                {
                    x++;
                }
                else
                {
                    y++;
                }
            }

            codes.Add(new OpCode('r', i1, x, j1, y));
        }

        return codes;
    }

    private static IEnumerable<List<OpCode>> GroupedOpCodes(List<OpCode> codes, int n)
    {
        if (codes.Count == 0)
        {
            codes = [new OpCode('e', 0, 1, 0, 1)];
        }

        if (codes[0].Tag == 'e')
        {
            var c = codes[0];
            codes[0] = c with { I1 = Math.Max(c.I1, c.I2 - n), J1 = Math.Max(c.J1, c.J2 - n) };
        }

        if (codes[^1].Tag == 'e')
        {
            var c = codes[^1];
            codes[^1] = c with { I2 = Math.Min(c.I2, c.I1 + n), J2 = Math.Min(c.J2, c.J1 + n) };
        }

        var group = new List<OpCode>();
        foreach (var code in codes)
        {
            var current = code;
            if (current.Tag == 'e' && current.I2 - current.I1 > 2 * n)
            {
                group.Add(current with { I2 = Math.Min(current.I2, current.I1 + n), J2 = Math.Min(current.J2, current.J1 + n) });
                yield return group;
                group = [];
                current = current with { I1 = Math.Max(current.I1, current.I2 - n), J1 = Math.Max(current.J1, current.J2 - n) };
            }

            group.Add(current);
        }

        if (group.Count > 0 && !(group.Count == 1 && group[0].Tag == 'e'))
        {
            yield return group;
        }
    }

    private readonly record struct OpCode(char Tag, int I1, int I2, int J1, int J2);
}
