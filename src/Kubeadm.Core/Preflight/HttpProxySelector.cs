using System.Net;

namespace Kubeadm.Core.Preflight;

/// <summary>
/// Which proxy Go's net/http would use for a request, from the environment (golang.org/x/net/http/httpproxy):
/// HTTPS_PROXY/https_proxy for https, HTTP_PROXY/http_proxy for http, upper case first; never for localhost or a
/// loopback address; and not for a host matched by NO_PROXY/no_proxy ("*", IPs, CIDRs, domains, each with an optional port).
/// </summary>
public sealed class HttpProxySelector
{
    private readonly string _httpsProxy;
    private readonly string _httpProxy;
    private readonly NoProxyRules _noProxy;

    public HttpProxySelector(Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        string FirstSet(string upper, string lower) =>
            getEnvironmentVariable(upper) is { Length: > 0 } value ? value : getEnvironmentVariable(lower) ?? "";
        _httpsProxy = FirstSet("HTTPS_PROXY", "https_proxy");
        _httpProxy = FirstSet("HTTP_PROXY", "http_proxy");
        _noProxy = new NoProxyRules(FirstSet("NO_PROXY", "no_proxy"));
    }

    /// <summary>The proxy URL (password redacted) a request to <paramref name="url"/> would go through, or null for a direct connection.</summary>
    public string? ProxyFor(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var proxy = string.Equals(url.Scheme, "https", StringComparison.OrdinalIgnoreCase) ? _httpsProxy
            : string.Equals(url.Scheme, "http", StringComparison.OrdinalIgnoreCase) ? _httpProxy
            : "";
        if (proxy.Length == 0)
        {
            return null;
        }

        var host = url.IdnHost;
        var port = url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return UsesProxy(host.Trim('[', ']'), port) ? DisplayProxy(proxy) : null;
    }

    private bool UsesProxy(string host, string port)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var ip = IPAddress.TryParse(host, out var parsed) ? parsed : null;
        if (ip is not null && IPAddress.IsLoopback(ip))
        {
            return false;
        }

        return !_noProxy.Matches(host.ToLowerInvariant(), port, ip);
    }

    /// <summary>As Go parses a proxy setting: without a known scheme it is an http proxy; the password is never shown.</summary>
    private static string DisplayProxy(string proxy)
    {
        var text = proxy.Contains("://", StringComparison.Ordinal) ? proxy : "http://" + proxy;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return text;
        }

        var userInfo = uri.UserInfo;
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? text : text.Replace(userInfo, userInfo[..colon] + ":xxxxx", StringComparison.Ordinal);
    }
}
