using System.Runtime.CompilerServices;

namespace Kubeadm.Core.Tests.Addons;

/// <summary>
/// Expected addon objects kept as YAML next to the tests (Golden/&lt;scenario&gt;/&lt;addon&gt;-&lt;kind&gt;.yaml). Set
/// UPDATE_GOLDEN=1 to rewrite them from the current output, then review the diff.
/// </summary>
internal static class AddonGoldenFiles
{
    public static string Directory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Golden");

    public static void AssertMatches(string scenario, string name, string actual)
    {
        var path = Path.Combine(Directory(), scenario, name + ".yaml");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"missing golden file {path}; run with UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
