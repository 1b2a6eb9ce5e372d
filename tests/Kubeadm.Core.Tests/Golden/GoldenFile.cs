namespace Kubeadm.Core.Tests.Golden;

/// <summary>
/// One expected-output file kept next to the tests. UPDATE_GOLDEN=1 rewrites it from the current output for a
/// developer to review; under CI=true that is refused, because a CI run that rewrites its own expectations would
/// always pass.
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string path, string actual) =>
        AssertMatches(path, actual, Environment.GetEnvironmentVariable);

    public static void AssertMatches(string path, string actual, Func<string, string?> environment)
    {
        if (UpdateRequested(environment))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"missing golden file {path}; run with UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    /// <summary>True when UPDATE_GOLDEN=1 asks for a rewrite; fails the test when that is asked under CI=true.</summary>
    public static bool UpdateRequested(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment("UPDATE_GOLDEN") != "1")
        {
            return false;
        }

        Assert.False(
            environment("CI") == "true",
            "UPDATE_GOLDEN=1 is refused under CI=true: golden files are rewritten by a developer who reviews the diff, never by CI");
        return true;
    }
}
