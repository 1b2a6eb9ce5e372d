namespace Kubeadm.Workflow;

/// <summary>Naming rules for phase paths.</summary>
internal static class PhasePaths
{
    public const string Separator = "/";

    /// <summary>Lower-cases the name and drops any argument descriptor after the first space.</summary>
    public static string CleanName(string name)
    {
        var lower = name.ToLowerInvariant();
        var space = lower.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? lower : lower[..space];
    }

    public static string Combine(string? parentPath, string name) =>
        parentPath is null ? name : parentPath + Separator + name;
}
