namespace Kubeadm.Core.Preflight;

/// <summary>The checks whose errors count as warnings (<c>--ignore-preflight-errors</c>): names match case-insensitively; <c>all</c> matches every check.</summary>
public sealed class IgnoredPreflightErrors
{
    public const string All = "all";

    private readonly HashSet<string> _names;

    public IgnoredPreflightErrors(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = new HashSet<string>(names.Select(name => name.Trim()), StringComparer.OrdinalIgnoreCase);
    }

    public static IgnoredPreflightErrors None { get; } = new([]);

    /// <summary>True when errors of the check named <paramref name="checkName"/> are to be reported as warnings.</summary>
    public bool Covers(string checkName) => _names.Contains(All) || _names.Contains(checkName);
}
