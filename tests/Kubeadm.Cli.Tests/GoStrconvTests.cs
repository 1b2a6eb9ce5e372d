using Kubeadm.Cli.Parsing;

namespace Kubeadm.Cli.Tests;

public sealed class GoStrconvTests
{
    [Theory]
    [InlineData("6443", 0, 6443)]
    [InlineData("-2147483648", 0, int.MinValue)]
    [InlineData("0x1F", 0, 31)]
    [InlineData("0o17", 0, 15)]
    [InlineData("017", 0, 15)]
    [InlineData("0b101", 0, 5)]
    [InlineData("1_000", 0, 1000)]
    [InlineData("+7", 10, 7)]
    [InlineData("017", 10, 17)]
    public void Should_ParseLikeGo_When_TheTextIsAValidInt32(string text, int numberBase, long expected)
    {
        Assert.True(GoStrconv.TryParseInt(text, numberBase, 32, out var value, out var error), error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("2147483648", 0, "strconv.ParseInt: parsing \"2147483648\": value out of range")]
    [InlineData("-2147483649", 0, "strconv.ParseInt: parsing \"-2147483649\": value out of range")]
    [InlineData("99999999999999999999999", 0, "strconv.ParseInt: parsing \"99999999999999999999999\": value out of range")]
    [InlineData("", 0, "strconv.ParseInt: parsing \"\": invalid syntax")]
    [InlineData("0x", 0, "strconv.ParseInt: parsing \"0x\": invalid syntax")]
    [InlineData("08", 0, "strconv.ParseInt: parsing \"08\": invalid syntax")]
    [InlineData("1_000", 10, "strconv.ParseInt: parsing \"1_000\": invalid syntax")]
    [InlineData("0x1F", 10, "strconv.ParseInt: parsing \"0x1F\": invalid syntax")]
    public void Should_ReportGoError_When_TheTextIsNotAnInt32(string text, int numberBase, string expected)
    {
        Assert.False(GoStrconv.TryParseInt(text, numberBase, 32, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData("0", false)]
    [InlineData("F", false)]
    [InlineData("false", false)]
    public void Should_AcceptGoBoolSpellings_When_ParsingABool(string text, bool expected)
    {
        Assert.True(GoStrconv.TryParseBool(text, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Should_RejectOtherBoolSpellings_When_ParsingABool()
    {
        Assert.False(GoStrconv.TryParseBool("yes", out _, out var error));
        Assert.Equal("strconv.ParseBool: parsing \"yes\": invalid syntax", error);
    }
}
