using Kubeadm.Core.Errors;

namespace Kubeadm.App.Init;

/// <summary>Parses --feature-gates: a comma-separated list of Name=true|false pairs.</summary>
public static class FeatureGatesFlag
{
    public static IReadOnlyList<KeyValuePair<string, bool>> Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var gates = new List<KeyValuePair<string, bool>>();
        foreach (var pair in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                throw new KubeadmUserException(
                    $"invalid argument \"{value}\" for \"--feature-gates\" flag: missing bool value for \"{pair}\"; want Name=true|false[,Name=true|false…]");
            }

            if (!bool.TryParse(parts[1], out var enabled))
            {
                throw new KubeadmUserException(
                    $"invalid argument \"{value}\" for \"--feature-gates\" flag: invalid value of {parts[0]}: {parts[1]}, want true or false");
            }

            gates.Add(new(parts[0], enabled));
        }

        return gates;
    }
}
