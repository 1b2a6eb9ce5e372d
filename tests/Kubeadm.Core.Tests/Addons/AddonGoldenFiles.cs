using System.Runtime.CompilerServices;
using Kubeadm.Core.Tests.Golden;

namespace Kubeadm.Core.Tests.Addons;

/// <summary>
/// Expected addon objects kept as YAML next to the tests (Golden/&lt;scenario&gt;/&lt;addon&gt;-&lt;kind&gt;.yaml). Set
/// UPDATE_GOLDEN=1 to rewrite them from the current output, then review the diff (refused under CI=true).
/// </summary>
internal static class AddonGoldenFiles
{
    public static string Directory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Golden");

    public static void AssertMatches(string scenario, string name, string actual)
    {
        GoldenFile.AssertMatches(Path.Combine(Directory(), scenario, name + ".yaml"), actual);
    }
}
