using System.Runtime.CompilerServices;

namespace Kubeadm.Cli.Tests.Packaging;

/// <summary>
/// The packages scripts/build-packages.sh made (artifacts/packages, or $KUBEADM_PACKAGES_DIR): the .deb and the NuGet
/// feed holding the tool and library packages. These tests run after that script (scripts/test.sh).
/// </summary>
public static class PackageArtifacts
{
    public static string Directory { get; } = Environment.GetEnvironmentVariable("KUBEADM_PACKAGES_DIR") is { Length: > 0 } dir
        ? Path.GetFullPath(dir)
        : Path.Combine(RepositoryRoot(), "artifacts", "packages");

    public static string Feed => Path.Combine(Directory, "feed");

    public static string? Deb => System.IO.Directory.Exists(Directory)
        ? System.IO.Directory.GetFiles(Directory, "kubeadm-dotnet_*.deb").OrderDescending(StringComparer.Ordinal).FirstOrDefault()
        : null;

    /// <summary>Why the package tests cannot run here, or null when the packages are built.</summary>
    public static string? Missing =>
        Deb is null || !System.IO.Directory.Exists(Feed) || System.IO.Directory.GetFiles(Feed, "kubeadm-dotnet.*.nupkg").Length == 0
            ? $"the packages are not built in {Directory} (run scripts/build-packages.sh after scripts/publish.sh)"
            : null;

    /// <summary>The kubelet drop-in as the repository holds it (what build-deb.sh packs).</summary>
    public static string SourceDropIn => File.ReadAllText(Path.Combine(RepositoryRoot(), "packaging", "deb", "10-kubeadm.conf"));

    /// <summary>
    /// The kubelet drop-in read out of the built .deb, so a test runs the kubelet exactly as the installed package
    /// would. Without a .deb (a developer's run before scripts/build-packages.sh) the repository's copy stands in;
    /// under CI=true a missing .deb fails the test.
    /// </summary>
    public static async Task<string> DebDropInAsync()
    {
        if (Deb is not { } deb)
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") != "true", Missing);
            return SourceDropIn;
        }

        return await ToolProcess.CheckedAsync("/bin/sh", "-c",
            "dpkg-deb --fsys-tarfile \"$0\" | tar -xO ./usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf", deb);
    }

    public static string RepositoryRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}

/// <summary>A package test: skipped with the reason when the packages are not built, but a failure under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PackageFactAttribute : FactAttribute
{
    public PackageFactAttribute()
    {
        if (PackageArtifacts.Missing is { } reason && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = reason;
        }
    }
}
