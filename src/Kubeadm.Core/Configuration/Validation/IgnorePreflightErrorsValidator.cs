using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>Merges --ignore-preflight-errors with nodeRegistration.ignorePreflightErrors, as kubeadm does.</summary>
public static class IgnorePreflightErrorsValidator
{
    public const string All = "all";

    /// <summary>The union of both lists, lower-cased (check names are case-insensitive), without duplicates, sorted.</summary>
    /// <exception cref="ValidationException">"all" is combined with individual checks.</exception>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> fromFlag, IEnumerable<string> fromConfig)
    {
        ArgumentNullException.ThrowIfNull(fromFlag);
        ArgumentNullException.ThrowIfNull(fromConfig);
        var merged = fromConfig.Concat(fromFlag)
            .Select(item => item.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

        if (merged.Length > 1 && merged.Contains(All, StringComparer.Ordinal))
        {
            var error = ValidationError.Invalid("ignore-preflight-errors", string.Join(",", merged), "don't specify individual checks if 'all' is used");
            throw new ValidationException(error.ToString());
        }

        return merged;
    }
}
