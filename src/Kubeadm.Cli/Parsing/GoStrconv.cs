using System.Numerics;

namespace Kubeadm.Cli.Parsing;

/// <summary>
/// Go's strconv.ParseInt and ParseBool rules and error wording, which pflag (kubeadm's flag parser) reports verbatim
/// in "invalid argument … flag: strconv.ParseInt: parsing "x": value out of range".
/// </summary>
public static class GoStrconv
{
    private static readonly string[] TrueWords = ["1", "t", "T", "TRUE", "true", "True"];
    private static readonly string[] FalseWords = ["0", "f", "F", "FALSE", "false", "False"];

    /// <summary>strconv.ParseBool: true/false, or the error text.</summary>
    public static bool TryParseBool(string text, out bool value, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = "";
        value = TrueWords.Contains(text, StringComparer.Ordinal);
        if (value || FalseWords.Contains(text, StringComparer.Ordinal))
        {
            return true;
        }

        error = Syntax("ParseBool", text);
        return false;
    }

    /// <summary>
    /// strconv.ParseInt(text, numberBase, bitSize). Base 0 takes Go's prefixes (0x, 0o, 0b, a leading 0 for octal)
    /// and underscores between digits.
    /// </summary>
    public static bool TryParseInt(string text, int numberBase, int bitSize, out long value, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        error = "";
        var digits = text;
        var negative = false;
        if (digits.Length > 0 && (digits[0] == '+' || digits[0] == '-'))
        {
            negative = digits[0] == '-';
            digits = digits[1..];
        }

        var radix = numberBase;
        var underscoresAllowed = false;
        if (numberBase == 0)
        {
            (radix, digits) = SplitPrefix(digits);
            underscoresAllowed = true;
        }

        if (!TryParseMagnitude(digits, radix, underscoresAllowed, out var magnitude, out var overflow))
        {
            error = Syntax("ParseInt", text);
            return false;
        }

        var limit = (BigInteger.One << (bitSize - 1)) - (negative ? 0 : 1);
        if (overflow || magnitude > limit)
        {
            error = $"strconv.ParseInt: parsing {Quote(text)}: value out of range";
            value = negative ? -(long)(BigInteger.One << (bitSize - 1)) : (long)((BigInteger.One << (bitSize - 1)) - 1);
            return false;
        }

        value = (long)(negative ? -magnitude : magnitude);
        return true;
    }

    private static (int Radix, string Digits) SplitPrefix(string digits)
    {
        if (digits.Length >= 2 && digits[0] == '0')
        {
            switch (char.ToLowerInvariant(digits[1]))
            {
                case 'x': return (16, digits[2..]);
                case 'o': return (8, digits[2..]);
                case 'b': return (2, digits[2..]);
                default: return (8, digits[1..]);
            }
        }

        return (10, digits);
    }

    private static bool TryParseMagnitude(string digits, int radix, bool underscoresAllowed, out BigInteger magnitude, out bool overflow)
    {
        magnitude = 0;
        overflow = false;
        if (digits.Length == 0)
        {
            return false;
        }

        var previousWasDigit = false;
        foreach (var c in digits)
        {
            if (c == '_' && underscoresAllowed && previousWasDigit)
            {
                previousWasDigit = false;
                continue;
            }

            var digit = DigitValue(c);
            if (digit < 0 || digit >= radix)
            {
                return false;
            }

            magnitude = (magnitude * radix) + digit;
            overflow |= magnitude > ulong.MaxValue;
            previousWasDigit = true;
        }

        return previousWasDigit;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => -1,
    };

    private static string Syntax(string function, string text) => $"strconv.{function}: parsing {Quote(text)}: invalid syntax";

    /// <summary>Go's %q for the plain text flags hold (backslash and quote escaped).</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
