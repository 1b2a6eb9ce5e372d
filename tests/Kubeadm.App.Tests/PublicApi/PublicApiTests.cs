using System.Reflection;
using System.Runtime.CompilerServices;
using Kubeadm.App.Init;
using Kubeadm.Core.Host;
using Kubeadm.Workflow;
using PublicApiGenerator;

namespace Kubeadm.App.Tests.PublicApi;

/// <summary>
/// The public API of the three embeddable packages, compared with the approved text beside this file. A change shows
/// as a diff here; when it is meant, run with UPDATE_PUBLIC_API=1 (refused under CI) and commit the approved file.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Assemblies => new() { "Kubeadm.Workflow", "Kubeadm.Core", "Kubeadm.App" };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Should_MatchTheApprovedPublicApi_When_TheLibraryIsBuilt(string assemblyName)
    {
        var assembly = Load(assemblyName);
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
        var approvedPath = Path.Combine(Here(), assemblyName + ".approved.txt");

        if (Environment.GetEnvironmentVariable("UPDATE_PUBLIC_API") == "1")
        {
            Assert.NotEqual("true", Environment.GetEnvironmentVariable("CI"));
            File.WriteAllText(approvedPath, api);
        }

        Assert.True(File.Exists(approvedPath), $"{approvedPath} is missing; create it with UPDATE_PUBLIC_API=1");
        var approved = File.ReadAllText(approvedPath).ReplaceLineEndings("\n");
        Assert.True(approved == api, $"The public API of {assemblyName} changed.\n{Diff(approved, api)}\n" +
            "If that is intended, run this test with UPDATE_PUBLIC_API=1 and commit " + approvedPath);
    }

    private static Assembly Load(string name) => name switch
    {
        "Kubeadm.Workflow" => typeof(PhaseRunner<>).Assembly,
        "Kubeadm.Core" => typeof(IFileSystem).Assembly,
        "Kubeadm.App" => typeof(InitContextFactory).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not one of the packaged assemblies"),
    };

    private static string Diff(string approved, string actual)
    {
        var before = approved.Split('\n').ToHashSet(StringComparer.Ordinal);
        var after = actual.Split('\n').ToHashSet(StringComparer.Ordinal);
        var removed = approved.Split('\n').Where(l => !after.Contains(l)).Select(l => "- " + l);
        var added = actual.Split('\n').Where(l => !before.Contains(l)).Select(l => "+ " + l);
        return string.Join('\n', removed.Concat(added).Take(60));
    }

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
