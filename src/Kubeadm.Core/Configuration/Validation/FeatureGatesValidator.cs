namespace Kubeadm.Core.Configuration.Validation;

/// <summary>featureGates: only kubeadm's own gates, and a GA gate locked to its default cannot be flipped.</summary>
internal static class FeatureGatesValidator
{
    public static void Validate(IReadOnlyDictionary<string, bool> gates, string path, ValidationIssues issues)
    {
        var value = GoFormat.BoolMap(gates);
        foreach (var (name, enabled) in gates.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!KubeadmFeatureGates.IsSupported(name))
            {
                issues.Add(ValidationError.InvalidLiteral(path, value, $"{name} is not a valid feature name."));
                continue;
            }

            if (KubeadmFeatureGates.Find(name) is { LockedToDefault: true } gate && gate.Default != enabled)
            {
                issues.Add(ValidationError.InvalidLiteral(
                    path, value, $"cannot set feature gate {name} to {Lower(enabled)}, feature is locked to {Lower(gate.Default)}"));
            }
        }
    }

    private static string Lower(bool value) => value ? "true" : "false";
}
