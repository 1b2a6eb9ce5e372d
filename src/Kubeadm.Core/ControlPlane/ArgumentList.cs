using Kubeadm.Core.Configuration;

namespace Kubeadm.Core.ControlPlane;

/// <summary>kubeadm's rules for component command-line arguments (v1beta4 lists, duplicates allowed).</summary>
public static class ArgumentList
{
    /// <summary>
    /// The `--name=value` flags for a component: every user override, plus each default whose name no override
    /// uses (one override of a name drops all defaults of that name), sorted by name and then by value (ordinal).
    /// </summary>
    public static IReadOnlyList<string> ToCommand(IEnumerable<Arg> defaults, IEnumerable<Arg> overrides) =>
        Flags(Merge(defaults, overrides).OrderBy(arg => arg.Name, StringComparer.Ordinal).ThenBy(arg => arg.Value, StringComparer.Ordinal));

    /// <summary>
    /// The same merge sorted by name only, arguments of one name keeping their order (overrides first): the kubelet's
    /// flags, where Go's sort of so few elements is an insertion sort and the kubelet takes the last of a name.
    /// </summary>
    public static IReadOnlyList<string> ToCommandKeepingOrderOfEqualNames(IEnumerable<Arg> defaults, IEnumerable<Arg> overrides) =>
        Flags(Merge(defaults, overrides).OrderBy(arg => arg.Name, StringComparer.Ordinal));

    private static List<Arg> Merge(IEnumerable<Arg> defaults, IEnumerable<Arg> overrides)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(overrides);
        var merged = overrides.ToList();
        var overridden = merged.Select(arg => arg.Name).ToHashSet(StringComparer.Ordinal);
        merged.AddRange(defaults.Where(arg => !overridden.Contains(arg.Name)));
        return merged;
    }

    private static string[] Flags(IEnumerable<Arg> args) => [.. args.Select(arg => $"--{arg.Name}={arg.Value}")];

    /// <summary>The value of the last argument named <paramref name="name"/>, or null when there is none.</summary>
    public static string? LastValue(IEnumerable<Arg> args, string name)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.LastOrDefault(arg => string.Equals(arg.Name, name, StringComparison.Ordinal))?.Value;
    }

    /// <summary>Replaces the value of the first argument named <paramref name="name"/>, or appends one.</summary>
    public static void Set(List<Arg> args, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(args);
        var index = args.FindIndex(arg => string.Equals(arg.Name, name, StringComparison.Ordinal));
        if (index >= 0)
        {
            args[index] = new Arg(name, value);
        }
        else
        {
            args.Add(new Arg(name, value));
        }
    }
}
