using System.Runtime.CompilerServices;
using Kubeadm.Core.Tests.Golden;

namespace Kubeadm.Core.Tests.ControlPlane;

/// <summary>
/// Expected manifests kept as text next to the tests (Golden/&lt;scenario&gt;/&lt;component&gt;.yaml). Set
/// UPDATE_GOLDEN=1 to rewrite them from the current output, then review the diff (refused under CI=true).
/// </summary>
internal static class GoldenFiles
{
    public static void AssertMatches(string scenario, string component, string actual)
    {
        GoldenFile.AssertMatches(Path.Combine(Directory(), scenario, component + ".yaml"), actual);
    }

    private static string Directory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Golden");
}
