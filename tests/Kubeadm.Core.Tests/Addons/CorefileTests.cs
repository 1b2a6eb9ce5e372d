using Kubeadm.Core.Addons;

namespace Kubeadm.Core.Tests.Addons;

public sealed class CorefileTests
{
    [Fact]
    public void Should_UsePlainCache_When_DnsDomainIsEmpty()
    {
        var corefile = Corefile.For("");

        Assert.Contains("    kubernetes  in-addr.arpa ip6.arpa {\n", corefile, StringComparison.Ordinal);
        Assert.Contains("    cache 30\n    loop\n", corefile, StringComparison.Ordinal);
        Assert.DoesNotContain("disable", corefile, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_DisableCachingOfTheClusterDomain_When_DnsDomainIsSet()
    {
        var corefile = Corefile.For("corp.example");

        Assert.Contains("    cache 30 {\n       disable success corp.example\n       disable denial corp.example\n    }\n", corefile, StringComparison.Ordinal);
        Assert.EndsWith("    loadbalance\n}\n", corefile, StringComparison.Ordinal);
    }
}
