using System.Globalization;
using System.Text;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>Formats a <see cref="TimeSpan"/> like Go's time.Duration.String(): "8760h0m0s", "1m30s", "1.5s", "500ms".</summary>
internal static class GoDuration
{
    private const long NanosPerMicro = 1_000;
    private const long NanosPerMilli = 1_000_000;
    private const long NanosPerSecond = 1_000_000_000;

    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var negative = duration < TimeSpan.Zero;
        var nanos = (UInt128)(negative ? -(Int128)duration.Ticks : duration.Ticks) * 100;
        var text = nanos < NanosPerSecond ? FormatSubSecond(nanos) : FormatSeconds(nanos);
        return negative ? "-" + text : text;
    }

    private static string FormatSubSecond(UInt128 nanos)
    {
        if (nanos < NanosPerMicro)
        {
            return Invariant(nanos) + "ns";
        }

        return nanos < NanosPerMilli
            ? WithFraction(nanos / NanosPerMicro, nanos % NanosPerMicro, 3) + "µs"
            : WithFraction(nanos / NanosPerMilli, nanos % NanosPerMilli, 6) + "ms";
    }

    private static string FormatSeconds(UInt128 nanos)
    {
        var totalSeconds = nanos / NanosPerSecond;
        var hours = totalSeconds / 3600;
        var minutes = totalSeconds / 60 % 60;
        var seconds = WithFraction(totalSeconds % 60, nanos % NanosPerSecond, 9) + "s";
        var builder = new StringBuilder();
        if (hours > 0)
        {
            builder.Append(Invariant(hours)).Append('h');
        }

        if (hours > 0 || minutes > 0)
        {
            builder.Append(Invariant(minutes)).Append('m');
        }

        return builder.Append(seconds).ToString();
    }

    private static string WithFraction(UInt128 whole, UInt128 fraction, int digits)
    {
        if (fraction == 0)
        {
            return Invariant(whole);
        }

        var fractionText = Invariant(fraction).PadLeft(digits, '0').TrimEnd('0');
        return Invariant(whole) + "." + fractionText;
    }

    private static string Invariant(UInt128 value) => value.ToString(CultureInfo.InvariantCulture);
}
