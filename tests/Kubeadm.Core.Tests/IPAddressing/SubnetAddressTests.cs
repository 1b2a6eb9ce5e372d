using System.Net;
using Kubeadm.Core.IPAddressing;

namespace Kubeadm.Core.Tests.IPAddressing;

public sealed class SubnetAddressTests
{
    [Theory]
    [InlineData("10.96.0.0", 1, "10.96.0.1")]
    [InlineData("10.96.0.0", 10, "10.96.0.10")]
    [InlineData("10.96.0.255", 1, "10.96.1.0")]
    [InlineData("fd00::", 10, "fd00::a")]
    [InlineData("fd00::ffff", 1, "fd00::1:0")]
    public void Should_AddTheOffset_When_ItFitsTheAddressFamily(string address, int offset, string expected)
    {
        Assert.Equal(IPAddress.Parse(expected), SubnetAddress.Offset(IPAddress.Parse(address), offset));
    }

    [Theory]
    [InlineData("255.255.255.255", 1)]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 1)]
    public void Should_ReturnNull_When_TheSumOverflowsTheAddress(string address, int offset)
    {
        Assert.Null(SubnetAddress.Offset(IPAddress.Parse(address), offset));
    }
}
