using System.Net;
using Kubeadm.Core.Configuration.Validation;

namespace Kubeadm.Core.Preflight;

/// <summary>A parsed NO_PROXY list, matched as Go's httpproxy matches it.</summary>
internal sealed class NoProxyRules
{
    private readonly bool _matchAll;
    private readonly List<IPNetwork> _networks = [];
    private readonly List<(IPAddress Address, string Port)> _addresses = [];
    private readonly List<(string Suffix, string Port, bool MatchExact)> _domains = [];

    public NoProxyRules(string noProxy)
    {
        foreach (var raw in noProxy.Split(','))
        {
            var entry = raw.Trim().ToLowerInvariant();
            if (entry.Length == 0)
            {
                continue;
            }

            if (entry == "*")
            {
                _matchAll = true;
                return;
            }

            if (Cidrs.TryParse(entry, out var network))
            {
                _networks.Add(network);
                continue;
            }

            var (host, port) = SplitHostPort(entry);
            if (host.Length == 0)
            {
                continue;
            }

            if (IPAddress.TryParse(host, out var address))
            {
                _addresses.Add((address, port));
                continue;
            }

            if (host.StartsWith("*.", StringComparison.Ordinal))
            {
                host = host[1..];
            }

            var matchExact = !host.StartsWith('.');
            _domains.Add((matchExact ? "." + host : host, port, matchExact));
        }
    }

    public bool Matches(string host, string port, IPAddress? ip)
    {
        if (_matchAll)
        {
            return true;
        }

        if (ip is not null
            && (_networks.Any(network => network.Contains(ip))
                || _addresses.Any(a => a.Address.Equals(ip) && (a.Port.Length == 0 || a.Port == port))))
        {
            return true;
        }

        return _domains.Any(d => (d.Port.Length == 0 || d.Port == port)
            && (host.EndsWith(d.Suffix, StringComparison.Ordinal) || (d.MatchExact && host == d.Suffix[1..])));
    }

    /// <summary>"host:port" or "[v6]:port" into its parts; an entry without a port is all host.</summary>
    private static (string Host, string Port) SplitHostPort(string entry)
    {
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']', StringComparison.Ordinal);
            if (close > 0)
            {
                var rest = entry[(close + 1)..];
                return (entry[1..close], rest.StartsWith(':') ? rest[1..] : "");
            }
        }

        var colon = entry.LastIndexOf(':');
        return colon >= 0 && entry.IndexOf(':', StringComparison.Ordinal) == colon
            ? (entry[..colon], entry[(colon + 1)..])
            : (entry, "");
    }
}
