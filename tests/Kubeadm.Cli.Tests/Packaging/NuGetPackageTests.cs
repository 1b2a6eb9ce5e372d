using System.Diagnostics;

namespace Kubeadm.Cli.Tests.Packaging;

/// <summary>The NuGet packages from the local feed, used as a user would: the kubeadm tool and the embeddable library.</summary>
[Trait("Category", "RealTools")]
[Trait("Category", "Packaging")]
public sealed class NuGetPackageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kubeadm-nuget-").FullName;

    [PackageFact]
    public async Task Should_InstallTheNativeKubeadm_When_InstalledAsADotnetToolFromTheLocalFeed()
    {
        var toolPath = Path.Combine(_dir, "tools");
        var config = await FeedOnlyConfigAsync(_dir);

        var clock = Stopwatch.StartNew();
        var install = await ToolProcess.RunAsync("dotnet", ["tool", "install", "kubeadm-dotnet", "--tool-path", toolPath, "--configfile", config], environment: Quiet(),
            timeout: TimeSpan.FromMinutes(5));
        clock.Stop();

        Assert.True(install.ExitCode == 0, install.Output + install.Error);
        var kubeadm = Path.Combine(toolPath, "kubeadm");
        var version = await ToolProcess.CheckedAsync(kubeadm, "version", "-o", "short");
        Assert.Equal($"v{PackageVersion()}\n", version);
        // The native AOT binary itself, not a managed apphost: no kubeadm.dll beside it anywhere in the tool store.
        Assert.Empty(Directory.GetFiles(toolPath, "kubeadm.dll", SearchOption.AllDirectories));
        var elf = await File.ReadAllBytesAsync(ResolveLink(kubeadm));
        Assert.Equal("\u007fELF"u8.ToArray(), elf[..4]);
        Console.WriteLine($"dotnet tool install from the local feed took {clock.Elapsed.TotalSeconds:F1} s");
    }

    [PackageFact]
    public async Task Should_RunInitCertsPhasesInProcess_When_TheExampleIsBuiltAgainstTheLibraryPackage()
    {
        var project = Path.Combine(_dir, "embedded");
        Directory.CreateDirectory(project);
        var example = Path.Combine(PackageArtifacts.RepositoryRoot(), "examples", "EmbeddedCerts", "Program.cs");
        File.Copy(example, Path.Combine(project, "Program.cs"));
        await File.WriteAllTextAsync(Path.Combine(project, "EmbeddedCerts.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Kubeadm.App" Version="{PackageVersion()}" />
              </ItemGroup>
            </Project>
            """);
        await FeedOnlyConfigAsync(project); // found by restore beside the project
        var rootfs = Path.Combine(_dir, "node");

        var run = await ToolProcess.RunAsync("dotnet", ["run", "--project", project, "-c", "Release", "--", rootfs, "192.0.2.30", "lib-node"],
            environment: Quiet(), timeout: TimeSpan.FromMinutes(8));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("ran certs/apiserver in ", run.Output);
        var pki = Path.Combine(rootfs, "etc", "kubernetes", "pki");
        var verified = await ToolProcess.CheckedAsync("openssl", "verify", "-CAfile", Path.Combine(pki, "ca.crt"), Path.Combine(pki, "apiserver.crt"));
        Assert.EndsWith(": OK\n", verified);
        var sans = await ToolProcess.CheckedAsync("openssl", "x509", "-noout", "-ext", "subjectAltName", "-in", Path.Combine(pki, "apiserver.crt"));
        Assert.Contains("DNS:lib-node", sans);
        Assert.Contains("DNS:cluster.example.internal", sans);
        Assert.Contains("IP Address:192.0.2.30", sans);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string PackageVersion()
    {
        var pointer = Directory.GetFiles(PackageArtifacts.Feed, "kubeadm-dotnet.1.*.nupkg").Single();
        return Path.GetFileNameWithoutExtension(pointer)["kubeadm-dotnet.".Length..];
    }

    /// <summary>A NuGet config whose only source is the local feed (dependencies come from the machine's package cache).</summary>
    private static async Task<string> FeedOnlyConfigAsync(string directory)
    {
        Assert.True(PackageArtifacts.Missing is null, PackageArtifacts.Missing);
        var path = Path.Combine(directory, "nuget.config");
        await File.WriteAllTextAsync(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{PackageArtifacts.Feed}" />
              </packageSources>
            </configuration>
            """);
        return path;
    }

    private static Dictionary<string, string> Quiet() => new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    private static string ResolveLink(string path) =>
        File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
}
