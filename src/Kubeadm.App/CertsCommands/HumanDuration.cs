using System.Globalization;

namespace Kubeadm.App.CertsCommands;

/// <summary>The Kubernetes short human duration (apimachinery's ShortHumanDuration): 42s, 5m, 3h, 364d, 9y, or &lt;invalid&gt;.</summary>
public static class HumanDuration
{
    public static string ShortForm(TimeSpan duration)
    {
        // Up to one second in the past still reads as "0s", to tolerate clock skew between machines.
        var seconds = (long)duration.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 60)
        {
            return Format(seconds, "s");
        }

        var minutes = (long)duration.TotalMinutes;
        if (minutes < 60)
        {
            return Format(minutes, "m");
        }

        var hours = (long)duration.TotalHours;
        if (hours < 24)
        {
            return Format(hours, "h");
        }

        return hours < 24 * 365 ? Format(hours / 24, "d") : Format((long)(duration.TotalHours / 24 / 365), "y");
    }

    private static string Format(long value, string unit) => value.ToString(CultureInfo.InvariantCulture) + unit;
}
