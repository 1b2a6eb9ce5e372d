using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Host;

/// <summary>
/// Host facts on Linux: the route tables come from <c>/proc/net/route</c> and <c>/proc/net/ipv6_route</c> read
/// through the (rootfs-mapped) file system; addresses come from the host's network interfaces.
/// </summary>
public sealed class LinuxHostInfo : IHostInfo
{
    /// <summary>The kernel's IPv4 route table.</summary>
    public const string IPv4RouteTablePath = "/proc/net/route";

    /// <summary>The kernel's IPv6 route table.</summary>
    public const string IPv6RouteTablePath = "/proc/net/ipv6_route";

    private readonly IFileSystem _fileSystem;
    private readonly Func<IReadOnlyList<InterfaceAddresses>> _listInterfaces;
    private readonly Func<string> _readHostname;

    /// <summary>Reads the real host's interfaces and host name.</summary>
    public LinuxHostInfo(IFileSystem fileSystem)
        : this(fileSystem, ListNetworkInterfaces, Dns.GetHostName)
    {
    }

    /// <summary>Reads interfaces and the host name through the given functions (for tests).</summary>
    public LinuxHostInfo(IFileSystem fileSystem, Func<IReadOnlyList<InterfaceAddresses>> listInterfaces, Func<string> readHostname)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(listInterfaces);
        ArgumentNullException.ThrowIfNull(readHostname);
        _fileSystem = fileSystem;
        _listInterfaces = listInterfaces;
        _readHostname = readHostname;
    }

    /// <inheritdoc/>
    public string GetHostname() => _readHostname().Trim().ToLowerInvariant();

    /// <inheritdoc/>
    public IPAddress? GetDefaultRouteAddress(AddressFamily preferred)
    {
        var routes = new List<DefaultRoute>();
        if (_fileSystem.FileExists(IPv4RouteTablePath))
        {
            routes.AddRange(ProcNetRouteParser.ParseIPv4DefaultRoutes(_fileSystem.ReadAllText(IPv4RouteTablePath)));
        }

        if (_fileSystem.FileExists(IPv6RouteTablePath))
        {
            routes.AddRange(ProcNetRouteParser.ParseIPv6DefaultRoutes(_fileSystem.ReadAllText(IPv6RouteTablePath)));
        }

        return routes.Count == 0 ? null : DefaultRouteAddressChooser.Choose(routes, _listInterfaces(), preferred);
    }

    private static IReadOnlyList<InterfaceAddresses> ListNetworkInterfaces() =>
        [.. NetworkInterface.GetAllNetworkInterfaces().Select(networkInterface => new InterfaceAddresses(
            networkInterface.Name,
            // "unknown" is what Linux reports for interfaces without carrier detection (loopback, some tunnels) that are up.
            networkInterface.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown,
            [.. networkInterface.GetIPProperties().UnicastAddresses.Select(unicast => unicast.Address)]))];
}
