namespace Kubeadm.Core.ControlPlane;

/// <summary>Joins a configured directory and a file name the way Go's filepath.Join does for these inputs.</summary>
internal static class ConfigPaths
{
    public static string Join(string directory, string name)
    {
        var trimmed = directory.TrimEnd('/');
        return trimmed.Length == 0 ? "/" + name : $"{trimmed}/{name}";
    }
}
