using Xunit.Sdk;

namespace Kubeadm.Core.Tests.Golden;

public sealed class GoldenFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("golden-file-").FullName;

    [Fact]
    public void Should_FailSayingWhy_When_UpdateGoldenIsSetUnderCi()
    {
        var path = Path.Combine(_directory, "expected.yaml");
        File.WriteAllText(path, "old\n");
        var environment = Environment(("UPDATE_GOLDEN", "1"), ("CI", "true"));

        var failure = Assert.ThrowsAny<XunitException>(() => GoldenFile.AssertMatches(path, "new\n", environment));

        Assert.Contains("UPDATE_GOLDEN=1 is refused under CI=true", failure.Message);
        Assert.Equal("old\n", File.ReadAllText(path));
    }

    [Fact]
    public void Should_RewriteTheFile_When_UpdateGoldenIsSetOutsideCi()
    {
        var path = Path.Combine(_directory, "scenario", "expected.yaml");
        GoldenFile.AssertMatches(path, "new\n", Environment(("UPDATE_GOLDEN", "1")));
        Assert.Equal("new\n", File.ReadAllText(path));
    }

    [Fact]
    public void Should_FailOnADifference_When_NoUpdateIsAsked()
    {
        var path = Path.Combine(_directory, "expected.yaml");
        File.WriteAllText(path, "old\n");
        Assert.ThrowsAny<XunitException>(() => GoldenFile.AssertMatches(path, "new\n", Environment(("CI", "true"))));
        Assert.Equal("old\n", File.ReadAllText(path));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
