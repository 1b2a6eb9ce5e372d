using System.Net;

namespace Kubeadm.Core.Host;

/// <summary>A network interface and its addresses, in the order the host lists them.</summary>
/// <param name="Name">The interface name, e.g. <c>eth0</c>.</param>
/// <param name="IsUp">True when the interface is administratively up.</param>
/// <param name="Addresses">Its unicast addresses.</param>
public sealed record InterfaceAddresses(string Name, bool IsUp, IReadOnlyList<IPAddress> Addresses);
