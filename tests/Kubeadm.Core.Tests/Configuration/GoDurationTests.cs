using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.Tests.Configuration;

public sealed class GoDurationTests
{
    public static TheoryData<TimeSpan, string> Formats => new()
    {
        { TimeSpan.FromHours(24), "24h0m0s" },
        { TimeSpan.FromMinutes(4), "4m0s" },
        { TimeSpan.FromSeconds(90), "1m30s" },
        { TimeSpan.FromMilliseconds(500), "500ms" },
        { TimeSpan.Zero, "0s" },
        { TimeSpan.FromHours(87600), "87600h0m0s" },
        { TimeSpan.FromMilliseconds(1500), "1.5s" },
        { TimeSpan.FromTicks(15), "1.5\u00b5s" },
        { TimeSpan.FromTicks(1), "100ns" },
        { -TimeSpan.FromMinutes(1), "-1m0s" },
        { new TimeSpan(0, 2, 45, 10), "2h45m10s" },
    };

    public static TheoryData<string, TimeSpan> Parses => new()
    {
        { "1h30m", TimeSpan.FromMinutes(90) },
        { "1.5h", TimeSpan.FromMinutes(90) },
        { "300ms", TimeSpan.FromMilliseconds(300) },
        { "2h45m10s", new TimeSpan(0, 2, 45, 10) },
        { "0", TimeSpan.Zero },
        { "-1m", -TimeSpan.FromMinutes(1) },
        { "+5s", TimeSpan.FromSeconds(5) },
        { "1000us", TimeSpan.FromMilliseconds(1) },
        { "1000\u00b5s", TimeSpan.FromMilliseconds(1) },
        { "100ns", TimeSpan.FromTicks(1) },
        { "24h0m0s", TimeSpan.FromHours(24) },
        { ".5s", TimeSpan.FromMilliseconds(500) },
    };

    public static TheoryData<string, string> Invalid => new()
    {
        { "4x", "time: unknown unit \"x\" in duration \"4x\"" },
        { "10", "time: missing unit in duration \"10\"" },
        { "", "time: invalid duration \"\"" },
        { "abc", "time: invalid duration \"abc\"" },
        { "1h.m", "time: invalid duration \"1h.m\"" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Should_FormatLikeGo_When_FormattingDuration(TimeSpan value, string expected) =>
        Assert.Equal(expected, GoDuration.Format(value));

    [Theory]
    [MemberData(nameof(Parses))]
    public void Should_ParseGoSyntax_When_TextIsValid(string text, TimeSpan expected) =>
        Assert.Equal(expected, GoDuration.Parse(text));

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Should_ReportGoError_When_TextIsInvalid(string text, string expected)
    {
        Assert.False(GoDuration.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
        Assert.Throws<FormatException>(() => GoDuration.Parse(text));
    }
}
