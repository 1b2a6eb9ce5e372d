using System.Globalization;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Errors;

namespace Kubeadm.Core.KubeConfig;

/// <summary>
/// The https URLs kubeadm puts in kubeconfig files: the local endpoint is <c>https://&lt;advertiseAddress&gt;:&lt;bindPort&gt;</c>;
/// the control-plane endpoint is <c>https://&lt;controlPlaneEndpoint&gt;</c> (the bind port added when it names none),
/// or the local endpoint when controlPlaneEndpoint is empty. IPv6 hosts are bracketed.
/// </summary>
public static class ApiServerUrl
{
    public static string For(KubeconfigServerKind kind, string controlPlaneEndpoint, string advertiseAddress, int bindPort) =>
        kind == KubeconfigServerKind.LocalEndpoint
            ? Local(advertiseAddress, bindPort)
            : ControlPlane(controlPlaneEndpoint, advertiseAddress, bindPort);

    public static string Local(string advertiseAddress, int bindPort)
    {
        ArgumentNullException.ThrowIfNull(advertiseAddress);
        if (!IpAddresses.TryParse(advertiseAddress, out var address))
        {
            throw new KubeadmUserException($"invalid value `{advertiseAddress}` given for api.advertiseAddress");
        }

        if (!HostPort.IsValidPort(bindPort))
        {
            throw new KubeadmUserException(
                $"invalid value \"{bindPort}\" given for api.bindPort: port must be a valid number between 1 and 65535, inclusive");
        }

        return Format(address.ToString(), bindPort.ToString(CultureInfo.InvariantCulture));
    }

    public static string ControlPlane(string controlPlaneEndpoint, string advertiseAddress, int bindPort)
    {
        ArgumentNullException.ThrowIfNull(controlPlaneEndpoint);
        var local = Local(advertiseAddress, bindPort);
        if (controlPlaneEndpoint.Length == 0)
        {
            return local;
        }

        if (!HostPort.IsValid(controlPlaneEndpoint))
        {
            throw new KubeadmUserException(
                $"invalid value \"{controlPlaneEndpoint}\" given for controlPlaneEndpoint: it must be a valid IP address or RFC-1123 DNS subdomain, with an optional port");
        }

        // Like kubeadm: text that does not split into host and port is all host (an unbracketed IPv6 address).
        if (!HostPort.TrySplit(controlPlaneEndpoint, out var host, out var port))
        {
            host = controlPlaneEndpoint;
            port = "";
        }

        return Format(host, port.Length > 0 ? port : bindPort.ToString(CultureInfo.InvariantCulture));
    }

    private static string Format(string host, string port) =>
        host.Contains(':', StringComparison.Ordinal) ? $"https://[{host}]:{port}" : $"https://{host}:{port}";
}
