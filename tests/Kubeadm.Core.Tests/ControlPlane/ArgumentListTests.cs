using Kubeadm.Core.Configuration;
using Kubeadm.Core.ControlPlane;

namespace Kubeadm.Core.Tests.ControlPlane;

public sealed class ArgumentListTests
{
    [Fact]
    public void Should_SortByNameThenValue_When_NoOverrides()
    {
        Arg[] defaults = [new("b", "2"), new("a", "z"), new("a", "y")];
        Assert.Equal(["--a=y", "--a=z", "--b=2"], ArgumentList.ToCommand(defaults, []));
    }

    [Fact]
    public void Should_ReplaceEveryDefaultOfTheName_When_OneOverrideUsesIt()
    {
        Arg[] defaults = [new("feature", "a"), new("feature", "b"), new("keep", "1")];
        Arg[] overrides = [new("feature", "c")];
        Assert.Equal(["--feature=c", "--keep=1"], ArgumentList.ToCommand(defaults, overrides));
    }

    [Fact]
    public void Should_KeepDuplicateOverrides_When_UserRepeatsAnArgument()
    {
        Arg[] overrides = [new("tls-cipher-suites", "B"), new("tls-cipher-suites", "A"), new("x", "")];
        Assert.Equal(["--tls-cipher-suites=A", "--tls-cipher-suites=B", "--x="], ArgumentList.ToCommand([new("x", "default")], overrides));
    }

    [Fact]
    public void Should_SortOrdinally_When_NamesDifferInCase()
    {
        Assert.Equal(["--B=1", "--a=1"], ArgumentList.ToCommand([new("a", "1"), new("B", "1")], []));
    }

    [Fact]
    public void Should_ReturnTheLastValue_When_NameRepeats()
    {
        Assert.Equal("2", ArgumentList.LastValue([new("n", "1"), new("n", "2")], "n"));
        Assert.Null(ArgumentList.LastValue([new("n", "1")], "m"));
    }

    [Fact]
    public void Should_ReplaceInPlaceOrAppend_When_Setting()
    {
        var args = new List<Arg> { new("a", "1"), new("b", "2") };
        ArgumentList.Set(args, "a", "9");
        ArgumentList.Set(args, "c", "3");
        Assert.Equal([new Arg("a", "9"), new Arg("b", "2"), new Arg("c", "3")], args);
    }
}
