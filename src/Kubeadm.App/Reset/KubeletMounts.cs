using System.Text;

namespace Kubeadm.App.Reset;

/// <summary>The mount points under the kubelet directory, read from /proc/mounts as kubeadm reads them.</summary>
public static class KubeletMounts
{
    public const string MountsFile = "/proc/mounts";

    /// <summary>Every mount point strictly under <paramref name="kubeletDir"/> in a /proc/mounts text, in file order.</summary>
    public static IReadOnlyList<string> Parse(string table, string kubeletDir)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(kubeletDir);
        var prefix = kubeletDir.EndsWith('/') ? kubeletDir : kubeletDir + "/";
        return [.. table.Split('\n')
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length >= 2)
            .Select(fields => Unescape(fields[1]))
            .Where(mountPoint => mountPoint.StartsWith(prefix, StringComparison.Ordinal))];
    }

    /// <summary>The umount2 flags for ResetConfiguration.unmountFlags (validated earlier), ORed.</summary>
    public static int Flags(IEnumerable<string> unmountFlags)
    {
        ArgumentNullException.ThrowIfNull(unmountFlags);
        return unmountFlags.Aggregate(0, (flags, name) => flags | name switch
        {
            "MNT_FORCE" => 1,
            "MNT_DETACH" => 2,
            "MNT_EXPIRE" => 4,
            "UMOUNT_NOFOLLOW" => 8,
            _ => throw new ArgumentException($"unknown unmount flag \"{name}\"", nameof(unmountFlags)),
        });
    }

    /// <summary>The umount command for one mount point, with the unmountFlags that umount(8) has options for.</summary>
    public static string UmountCommand(string mountPoint, IReadOnlyList<string> unmountFlags)
    {
        ArgumentNullException.ThrowIfNull(mountPoint);
        ArgumentNullException.ThrowIfNull(unmountFlags);
        var command = new StringBuilder("umount");
        if (unmountFlags.Contains("MNT_FORCE", StringComparer.Ordinal))
        {
            command.Append(" -f");
        }

        if (unmountFlags.Contains("MNT_DETACH", StringComparer.Ordinal))
        {
            command.Append(" -l");
        }

        var needsQuotes = mountPoint.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '\\' or '$');
        return command.Append(' ').Append(needsQuotes ? $"'{mountPoint.Replace("'", "'\\''", StringComparison.Ordinal)}'" : mountPoint).ToString();
    }

    // The kernel writes space, tab, newline and backslash in mount points as three-digit octal escapes.
    internal static string Unescape(string field)
    {
        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && IsOctal(field[i + 1]) && IsOctal(field[i + 2]) && IsOctal(field[i + 3]))
            {
                text.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                text.Append(field[i]);
            }
        }

        return text.ToString();
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';
}
