using System.Net;
using System.Net.Sockets;

namespace Kubeadm.Core.Host;

/// <summary>A default route read from <c>/proc/net/route</c> or <c>/proc/net/ipv6_route</c>.</summary>
/// <param name="Interface">The interface the route goes through, e.g. <c>eth0</c>.</param>
/// <param name="Gateway">The next hop.</param>
/// <param name="Family">IPv4 (<see cref="AddressFamily.InterNetwork"/>) or IPv6 (<see cref="AddressFamily.InterNetworkV6"/>).</param>
public sealed record DefaultRoute(string Interface, IPAddress Gateway, AddressFamily Family);
