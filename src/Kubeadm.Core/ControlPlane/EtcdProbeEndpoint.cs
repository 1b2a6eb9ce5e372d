using System.Globalization;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.ControlPlane;

/// <summary>Where the kubelet probes etcd: the metrics listener, from the first `listen-metrics-urls` URL if the user set one.</summary>
public sealed record EtcdProbeEndpoint(string Host, int Port, string Scheme)
{
    public static EtcdProbeEndpoint For(LocalEtcd? local, bool ipv6)
    {
        var loopback = ipv6 ? "::1" : "127.0.0.1";
        var fallback = new EtcdProbeEndpoint(loopback, KubeadmConstants.EtcdMetricsPort, "HTTP");
        var urls = local is null ? null : ArgumentList.LastValue(local.ExtraArgs, "listen-metrics-urls");
        if (urls is null)
        {
            return fallback;
        }

        var first = urls.Split(',')[0];
        var schemeEnd = first.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return fallback;
        }

        var scheme = string.Equals(first[..schemeEnd], "https", StringComparison.Ordinal) ? "HTTPS" : "HTTP";
        var authority = first[(schemeEnd + 3)..];
        var slash = authority.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            authority = authority[..slash];
        }

        var (host, portText) = SplitAuthority(authority);
        var port = int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is > 0 and <= 65535
            ? parsed
            : KubeadmConstants.EtcdMetricsPort;
        return new EtcdProbeEndpoint(host.Length > 0 ? host : loopback, port, scheme);
    }

    private static (string Host, string Port) SplitAuthority(string authority)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return (authority, "");
            }

            var rest = authority[(close + 1)..];
            return (authority[1..close], rest.StartsWith(':') ? rest[1..] : "");
        }

        var colon = authority.LastIndexOf(':');
        return colon < 0 ? (authority, "") : (authority[..colon], authority[(colon + 1)..]);
    }
}
