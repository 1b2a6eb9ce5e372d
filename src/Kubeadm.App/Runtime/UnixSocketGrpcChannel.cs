using System.Net.Sockets;
using Grpc.Net.Client;

namespace Kubeadm.App.Runtime;

/// <summary>A gRPC channel (HTTP/2 cleartext, authority "localhost") whose every connection is to one unix socket.</summary>
public static class UnixSocketGrpcChannel
{
    /// <summary>cri-client's limit for messages each way.</summary>
    public const int MaxMessageSize = 16 * 1024 * 1024;

    public static GrpcChannel Create(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = MaxMessageSize,
            MaxSendMessageSize = MaxMessageSize,
        });
    }
}
