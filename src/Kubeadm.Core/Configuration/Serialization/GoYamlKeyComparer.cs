namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>
/// Orders mapping keys the way Go's YAML library does when it writes a map: runs of digits compare as numbers,
/// non-letters sort before letters, letters compare by code point.
/// </summary>
internal sealed class GoYamlKeyComparer : IComparer<string>
{
    public static readonly GoYamlKeyComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = x ?? "";
        var b = y ?? "";
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            if (a[i] == b[i])
            {
                continue;
            }

            var aLetter = char.IsLetter(a[i]);
            var bLetter = char.IsLetter(b[i]);
            if (aLetter && bLetter)
            {
                return a[i].CompareTo(b[i]);
            }

            if (aLetter || bLetter)
            {
                return aLetter ? 1 : -1;
            }

            var (aNumber, aEnd) = NumberAt(a, i);
            var (bNumber, bEnd) = NumberAt(b, i);
            if (aNumber != bNumber)
            {
                return aNumber.CompareTo(bNumber);
            }

            return aEnd != bEnd ? aEnd.CompareTo(bEnd) : a[i].CompareTo(b[i]);
        }

        return a.Length.CompareTo(b.Length);
    }

    private static (decimal Number, int End) NumberAt(string text, int start)
    {
        decimal number = 0;
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]) && number < 1e20m)
        {
            number = (number * 10) + (text[end] - '0');
            end++;
        }

        return (number, end);
    }
}
