using System.Runtime.CompilerServices;

namespace Kubeadm.Core.Tests.ControlPlane;

/// <summary>
/// Expected manifests kept as text next to the tests (Golden/&lt;scenario&gt;/&lt;component&gt;.yaml). Set
/// UPDATE_GOLDEN=1 to rewrite them from the current output, then review the diff.
/// </summary>
internal static class GoldenFiles
{
    public static void AssertMatches(string scenario, string component, string actual)
    {
        var path = Path.Combine(Directory(), scenario, component + ".yaml");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"missing golden file {path}; run with UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string Directory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Golden");
}
