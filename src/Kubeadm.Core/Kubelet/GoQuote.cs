using System.Globalization;
using System.Text;

namespace Kubeadm.Core.Kubelet;

/// <summary>Go's <c>%q</c> / strconv.Quote: a double-quoted string with Go escapes, printable Unicode kept as is.</summary>
internal static class GoQuote
{
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\a': builder.Append("\\a"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\v': builder.Append("\\v"); break;
                case < 0x20 or 0x7F:
                    builder.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
                    break;
                case < 0x80:
                    builder.Append((char)rune.Value);
                    break;
                default:
                    AppendNonAscii(builder, rune);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static void AppendNonAscii(StringBuilder builder, Rune rune)
    {
        // Go's strconv.IsPrint: letters, marks, numbers, punctuation and symbols; other spaces are escaped.
        var printable = Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };
        if (printable)
        {
            builder.Append(rune.ToString());
        }
        else if (rune.Value <= 0xFFFF)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}");
        }
        else
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
        }
    }
}
