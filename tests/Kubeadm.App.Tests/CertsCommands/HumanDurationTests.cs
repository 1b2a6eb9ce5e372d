using Kubeadm.App.CertsCommands;

namespace Kubeadm.App.Tests.CertsCommands;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(-2, "<invalid>")]
    [InlineData(-1, "0s")]
    [InlineData(0, "0s")]
    [InlineData(59, "59s")]
    [InlineData(60, "1m")]
    [InlineData(3599, "59m")]
    [InlineData(3600, "1h")]
    [InlineData(86399, "23h")]
    [InlineData(86400, "1d")]
    [InlineData(364 * 86400, "364d")]
    [InlineData(365 * 86400, "1y")]
    [InlineData(3649L * 86400, "9y")]
    [InlineData(3650L * 86400, "10y")]
    public void Should_FormatLikeApimachinery_When_GivenSeconds(long seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.ShortForm(TimeSpan.FromSeconds(seconds)));
}
