using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Tests.Configuration.Validation;

public sealed class KubernetesVersionResolverTests
{
    public static TheoryData<string, string> ExactVersions => new()
    {
        { "v1.34.1", "v1.34.1" },
        { "1.34.1", "v1.34.1" },
        { "v1.35.0-alpha.1", "v1.35.0-alpha.1" },
        { "release/v1.33.4", "v1.33.4" },
        { "release/1.33.4", "v1.33.4" },
    };

    public static TheoryData<string> Labels => new() { "stable", "stable-1", "latest", "latest-1", "stable-1.34", "release/stable-1" };

    public static TheoryData<string, string> Rejected => new()
    {
        { "ci/latest", "CI version \"ci/latest\" is not supported" },
        { "ci/v1.35.0-alpha.1.123+abcdef", "CI version \"ci/v1.35.0-alpha.1.123+abcdef\" is not supported" },
        { "stable-0", "version \"stable-0\" doesn't match patterns for neither semantic version nor labels (stable, latest, ...)" },
        { "1.34", "version \"1.34\" doesn't match patterns for neither semantic version nor labels (stable, latest, ...)" },
        { "nightly/stable", "invalid version \"nightly/stable\"" },
        { "", "invalid version \"\"" },
    };

    [Theory]
    [MemberData(nameof(ExactVersions))]
    public void Should_ReturnVersionWithPrefix_When_VersionIsExact(string input, string expected)
    {
        var resolved = KubernetesVersionResolver.Resolve(input, out var warning);

        Assert.Equal(expected, resolved);
        Assert.Null(warning);
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public void Should_UseKubeadmVersionWithWarning_When_VersionIsLabel(string label)
    {
        var resolved = KubernetesVersionResolver.Resolve(label, out var warning);

        Assert.Equal("v1.34.2", resolved);
        Assert.Equal($"no network lookup for version label \"{label}\"; using this kubeadm's version v1.34.2", warning);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Should_Throw_When_VersionCannotBeResolvedOffline(string input, string expectedStart)
    {
        var exception = Assert.Throws<ValidationException>(() => KubernetesVersionResolver.Resolve(input, out _));

        Assert.StartsWith(expectedStart, exception.Message, StringComparison.Ordinal);
    }
}
