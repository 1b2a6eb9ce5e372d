using Kubeadm.Core.Configuration;

namespace Kubeadm.Core.ControlPlane;

/// <summary>The proxy variables kubeadm passes from its own environment into the control-plane containers.</summary>
public static class ProxyEnvironment
{
    /// <summary>
    /// The names looked up, upper- and lower-case. kubeadm copies every variable whose name ends in "_proxy" in any
    /// case; an environment that can only be queried by name gets the ones in common use.
    /// </summary>
    public static readonly IReadOnlyList<string> VariableNames =
    [
        "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY", "FTP_PROXY",
        "http_proxy", "https_proxy", "no_proxy", "all_proxy", "ftp_proxy",
    ];

    /// <summary>The non-empty proxy variables, in <see cref="VariableNames"/> order.</summary>
    public static IReadOnlyList<EnvVar> Read(Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        return
        [
            .. VariableNames
                .Select(name => (Name: name, Value: getEnvironmentVariable(name)))
                .Where(variable => !string.IsNullOrEmpty(variable.Value))
                .Select(variable => new EnvVar(variable.Name, variable.Value!)),
        ];
    }

    /// <summary>Merges lists of variables: a later list wins for the same name; the result is sorted by name.</summary>
    public static IReadOnlyList<EnvVar> Merge(params IEnumerable<EnvVar>[] lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var byName = new SortedDictionary<string, EnvVar>(StringComparer.Ordinal);
        foreach (var variable in lists.SelectMany(list => list))
        {
            byName[variable.Name] = variable;
        }

        return [.. byName.Values];
    }
}
