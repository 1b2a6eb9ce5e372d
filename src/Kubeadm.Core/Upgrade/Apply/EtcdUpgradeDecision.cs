namespace Kubeadm.Core.Upgrade.Apply;

/// <summary>What kubeadm does with local etcd for a target version, from the etcd version running now.</summary>
public enum EtcdUpgradeAction
{
    /// <summary>The target's etcd is newer: write the new etcd manifest (after backing up the data directory).</summary>
    Upgrade,

    /// <summary>Same version: etcd is left alone.</summary>
    Keep,

    /// <summary>The running etcd is newer than the target's: kubeadm never downgrades etcd and goes on (non-fatal).</summary>
    RefuseDowngrade,
}

/// <summary>kubeadm's etcd version comparison (semantic versions; the image's "-N" build suffix does not count).</summary>
public static class EtcdUpgradeDecision
{
    public static EtcdUpgradeAction Decide(string currentVersion, string desiredVersion)
    {
        var current = Parse(currentVersion);
        var desired = Parse(desiredVersion);
        var order = Compare(current, desired);
        return order == 0 ? EtcdUpgradeAction.Keep : order < 0 ? EtcdUpgradeAction.Upgrade : EtcdUpgradeAction.RefuseDowngrade;
    }

    /// <summary>kubeadm's non-fatal message when the running etcd is newer than the target's.</summary>
    public static string DowngradeMessage(string kubernetesVersion, string desired, string current) =>
        $"the desired etcd version for this Kubernetes version \"{kubernetesVersion}\" is \"{Strip(desired)}\", but the current etcd version is \"{Strip(current)}\". Won't downgrade etcd, instead just continue";

    /// <summary>"3.6.5-0" → "3.6.5": the version without the image build suffix.</summary>
    public static string Strip(string version)
    {
        var text = version.TrimStart('v');
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? text[..dash] : text;
    }

    private static int[] Parse(string version)
    {
        var parts = Strip(version).Split('.');
        var numbers = new int[3];
        for (var i = 0; i < numbers.Length && i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out numbers[i]))
            {
                throw new FormatException($"\"{version}\" is not an etcd version (want MAJOR.MINOR.PATCH)");
            }
        }

        return numbers;
    }

    private static int Compare(int[] a, int[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return 0;
    }
}
