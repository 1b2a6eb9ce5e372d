namespace Kubeadm.Core.Runtime;

/// <summary>CRI endpoint strings: only unix sockets on Linux; a bare absolute path is taken as unix:// (deprecated).</summary>
public static class CriEndpoint
{
    public const string UnixScheme = "unix://";

    /// <summary>The socket path of <paramref name="endpoint"/>.</summary>
    /// <exception cref="ContainerRuntimeException">Not a unix endpoint.</exception>
    public static string SocketPath(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.StartsWith(UnixScheme, StringComparison.Ordinal) && endpoint.Length > UnixScheme.Length + 1 && endpoint[UnixScheme.Length] == '/')
        {
            return endpoint[UnixScheme.Length..];
        }

        if (endpoint.StartsWith('/'))
        {
            return endpoint;
        }

        throw new ContainerRuntimeException(
            $"invalid CRI endpoint \"{endpoint}\": only unix sockets are supported (unix:///path/to/socket, e.g. {Constants.KubeadmConstants.DefaultCriSocket})");
    }
}
