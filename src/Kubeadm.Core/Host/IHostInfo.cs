using System.Net;
using System.Net.Sockets;

namespace Kubeadm.Core.Host;

/// <summary>Facts about the host kubeadm runs on.</summary>
public interface IHostInfo
{
    /// <summary>The host name, trimmed and lower-cased here (as kubeadm's node name defaulting does).</summary>
    string GetHostname();

    /// <summary>
    /// The address kubeadm advertises by default: the first global unicast address of the interface that holds the
    /// default route, trying <paramref name="preferred"/> family first and then the other (like Kubernetes'
    /// <c>ChooseHostInterface</c>). Null when no default route leads to a usable address.
    /// </summary>
    IPAddress? GetDefaultRouteAddress(AddressFamily preferred);
}
