using System.Text.RegularExpressions;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Host;

public sealed class RandomSourceTests
{
    [Fact]
    public void Should_ProduceSameBytes_When_SeedIsSame()
    {
        var first = new byte[37];
        var second = new byte[37];

        new SeededRandomSource(42).Fill(first);
        new SeededRandomSource(42).Fill(second);

        Assert.Equal(first, second);
        Assert.Contains(first, value => value != 0);
    }

    [Fact]
    public void Should_ProduceDifferentBytes_When_SeedDiffers()
    {
        var first = new byte[16];
        var second = new byte[16];

        new SeededRandomSource(1).Fill(first);
        new SeededRandomSource(2).Fill(second);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Should_ProduceKnownToken_When_Seeded()
    {
        var random = new SeededRandomSource(7);

        var token = random.NextTokenString(6) + "." + random.NextTokenString(16);

        Assert.Matches(new Regex("^[a-z0-9]{6}\\.[a-z0-9]{16}$"), token);
        var again = new SeededRandomSource(7);
        Assert.Equal(token, again.NextTokenString(6) + "." + again.NextTokenString(16));
    }

    [Fact]
    public void Should_UseOnlyTokenAlphabet_When_UsingCryptoSource()
    {
        var token = new CryptoRandomSource().NextTokenString(1000);

        Assert.Equal(1000, token.Length);
        Assert.All(token, character => Assert.Contains(character, RandomSourceExtensions.TokenAlphabet));
    }

    [Fact]
    public void Should_DrawFromWholeAlphabet_When_ManyCharacters()
    {
        var text = new SeededRandomSource(3).NextString(2000, "ab");

        Assert.InRange(text.Count(character => character == 'a'), 800, 1200);
        Assert.Equal(string.Empty, new SeededRandomSource(3).NextTokenString(0));
    }
}
