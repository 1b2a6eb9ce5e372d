using System.Globalization;
using System.Text;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>Go's time.Duration text form: parsing as time.ParseDuration and formatting as Duration.String().</summary>
public static class GoDuration
{
    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>Parses a Go duration ("1h30m", "1.5h", "300ms"); throws <see cref="FormatException"/> with Go's message.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    public static bool TryParse(string text, out TimeSpan value) => TryParse(text, out value, out _);

    /// <summary>Parses a Go duration; on failure <paramref name="error"/> holds Go's error text.</summary>
    public static bool TryParse(string text, out TimeSpan value, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = TimeSpan.Zero;
        error = "";
        var quoted = "\"" + text + "\"";
        var s = text;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return true;
        }

        if (s.Length == 0)
        {
            error = "time: invalid duration " + quoted;
            return false;
        }

        decimal totalNanos = 0;
        while (s.Length > 0)
        {
            var digits = 0;
            while (digits < s.Length && char.IsAsciiDigit(s[digits]))
            {
                digits++;
            }

            var numberEnd = digits;
            var fractionDigits = 0;
            if (numberEnd < s.Length && s[numberEnd] == '.')
            {
                numberEnd++;
                while (numberEnd < s.Length && char.IsAsciiDigit(s[numberEnd]))
                {
                    numberEnd++;
                    fractionDigits++;
                }
            }

            if (digits == 0 && fractionDigits == 0)
            {
                error = "time: invalid duration " + quoted;
                return false;
            }

            var unitEnd = numberEnd;
            while (unitEnd < s.Length && s[unitEnd] != '.' && !char.IsAsciiDigit(s[unitEnd]))
            {
                unitEnd++;
            }

            if (unitEnd == numberEnd)
            {
                error = "time: missing unit in duration " + quoted;
                return false;
            }

            var unit = s[numberEnd..unitEnd];
            var nanosPerUnit = NanosPerUnit(unit);
            if (nanosPerUnit == 0)
            {
                error = "time: unknown unit \"" + unit + "\" in duration " + quoted;
                return false;
            }

            var number = decimal.Parse("0" + s[..numberEnd], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            totalNanos += number * nanosPerUnit;
            if (totalNanos > long.MaxValue)
            {
                error = "time: invalid duration " + quoted;
                return false;
            }

            s = s[unitEnd..];
        }

        var ticks = (long)decimal.Truncate(totalNanos / 100);
        value = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    /// <summary>Formats like Go's Duration.String(): 24h → "24h0m0s", 90s → "1m30s", 500ms → "500ms", 0 → "0s".</summary>
    public static string Format(TimeSpan value)
    {
        var nanos = (decimal)value.Ticks * 100;
        if (nanos == 0)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        if (nanos < 0)
        {
            builder.Append('-');
            nanos = -nanos;
        }

        if (nanos < NanosPerSecond)
        {
            var (divisor, unit) = nanos switch
            {
                < 1_000 => (1m, "ns"),
                < 1_000_000 => (1_000m, "\u00b5s"),
                _ => (1_000_000m, "ms"),
            };
            return builder.Append(FormatDecimal(nanos / divisor)).Append(unit).ToString();
        }

        var wholeSeconds = decimal.Truncate(nanos / NanosPerSecond);
        var fraction = (nanos - (wholeSeconds * NanosPerSecond)) / NanosPerSecond;
        var hours = decimal.Truncate(wholeSeconds / 3600);
        var minutes = decimal.Truncate(wholeSeconds / 60) % 60;
        var seconds = (wholeSeconds % 60) + fraction;
        if (hours > 0)
        {
            builder.Append(FormatDecimal(hours)).Append('h');
        }

        if (hours > 0 || minutes > 0)
        {
            builder.Append(FormatDecimal(minutes)).Append('m');
        }

        return builder.Append(FormatDecimal(seconds)).Append('s').ToString();
    }

    private static string FormatDecimal(decimal number) =>
        number.ToString("0.#########", CultureInfo.InvariantCulture);

    private static long NanosPerUnit(string unit) => unit switch
    {
        "ns" => 1,
        "us" or "\u00b5s" or "\u03bcs" => 1_000,
        "ms" => 1_000_000,
        "s" => NanosPerSecond,
        "m" => 60 * NanosPerSecond,
        "h" => 3600 * NanosPerSecond,
        _ => 0,
    };
}
