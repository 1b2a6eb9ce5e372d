namespace Kubeadm.Core.Configuration.Validation;

/// <summary>
/// The parts of Go's url.Parse that kubeadm's checks depend on: the scheme it finds and the errors it raises, e.g.
/// "10.0.0.1:2379" fails ("first path segment in URL cannot contain colon") while "localhost:2379" parses with the
/// scheme "localhost". Percent-escapes and user info are not checked.
/// </summary>
internal static class GoUrl
{
    /// <summary>Returns null and the lower-cased scheme ("" if none), or Go's error text (<c>parse "x": …</c>).</summary>
    public static string? TryParse(string raw, out string scheme)
    {
        scheme = "";
        var error = Parse(StripFragment(raw), ref scheme);
        return error is null ? null : $"parse {GoFormat.Quote(raw)}: {error}";
    }

    private static string StripFragment(string raw)
    {
        var hash = raw.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? raw : raw[..hash];
    }

    private static string? Parse(string raw, ref string scheme)
    {
        if (raw.Any(c => c < ' ' || c == '\x7f'))
        {
            return "net/url: invalid control character in URL";
        }

        var schemeError = SplitScheme(raw, out scheme, out var rest);
        if (schemeError is not null)
        {
            return schemeError;
        }

        var query = rest.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            rest = rest[..query];
        }

        if (!rest.StartsWith('/'))
        {
            if (scheme.Length > 0)
            {
                return null; // opaque URL such as "mailto:x"
            }

            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var firstSegment = slash < 0 ? rest : rest[..slash];
            return firstSegment.Contains(':', StringComparison.Ordinal) ? "first path segment in URL cannot contain colon" : null;
        }

        if ((scheme.Length > 0 || !rest.StartsWith("///", StringComparison.Ordinal)) && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authority = rest[2..];
            var end = authority.IndexOf('/', StringComparison.Ordinal);
            return CheckHost(end < 0 ? authority : authority[..end]);
        }

        return null;
    }

    private static string? SplitScheme(string raw, out string scheme, out string rest)
    {
        scheme = "";
        rest = raw;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsAsciiLetter(c))
            {
                continue;
            }

            if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                if (i == 0)
                {
                    return null;
                }

                continue;
            }

            if (c == ':')
            {
                if (i == 0)
                {
                    return "missing protocol scheme";
                }

                scheme = raw[..i].ToLowerInvariant();
                rest = raw[(i + 1)..];
            }

            return null;
        }

        return null;
    }

    private static string? CheckHost(string authority)
    {
        var at = authority.LastIndexOf('@');
        var host = at < 0 ? authority : authority[(at + 1)..];
        string colonPort;
        if (host.StartsWith('['))
        {
            var close = host.LastIndexOf(']');
            if (close < 0)
            {
                return "missing ']' in host";
            }

            colonPort = host[(close + 1)..];
        }
        else
        {
            var colon = host.LastIndexOf(':');
            colonPort = colon < 0 ? "" : host[colon..];
        }

        return IsValidOptionalPort(colonPort) ? null : $"invalid port {GoFormat.Quote(colonPort)} after host";
    }

    private static bool IsValidOptionalPort(string colonPort) =>
        colonPort.Length == 0 || (colonPort[0] == ':' && colonPort[1..].All(char.IsAsciiDigit));
}
