using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>
/// Sockets of the test process that live in another network namespace (a node's or the switch's). Linux gives a new
/// socket the network namespace of the thread that creates it, and setns(CLONE_NEWNET) may be called by one thread
/// of a multi-threaded process; so one dedicated thread enters the namespace once and creates every socket asked for.
/// The sockets are then used from any thread as usual. This lets the test's in-process stand-ins (the kubelet's healthz,
/// the scheduler /livez front, health probes, kubectl-free HTTP checks) listen and connect inside a node without any
/// helper process. Dispose ends the thread.
/// </summary>
internal sealed class NetworkNamespaceSockets : IDisposable
{
    private const int CloneNewNet = 0x40000000;

    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;

    public NetworkNamespaceSockets(int holderPid)
    {
        var entered = new TaskCompletionSource();
        _thread = new Thread(() =>
        {
            using (var ns = File.OpenHandle($"/proc/{holderPid}/ns/net"))
            {
                if (SetNs((int)ns.DangerousGetHandle(), CloneNewNet) != 0)
                {
                    entered.SetException(new InvalidOperationException($"setns into the network namespace of pid {holderPid} failed: errno {Marshal.GetLastPInvokeError()}"));
                    return;
                }
            }

            entered.SetResult();
            foreach (var item in _work.GetConsumingEnumerable())
            {
                item();
            }
        })
        { IsBackground = true, Name = $"netns-{holderPid}" };
        _thread.Start();
        entered.Task.GetAwaiter().GetResult();
    }

    /// <summary>Runs <paramref name="create"/> on the thread inside the namespace (for anything that makes a socket).</summary>
    public T Create<T>(Func<T> create)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                result.SetResult(create());
            }
            catch (Exception e)
            {
                result.SetException(e);
            }
        });
        return result.Task.GetAwaiter().GetResult();
    }

    /// <summary>A started listener inside the namespace.</summary>
    public TcpListener Listen(IPEndPoint endpoint) => Create(() =>
    {
        var listener = new TcpListener(endpoint);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    });

    /// <summary>An HTTP handler whose connections are made inside the namespace (by IP address; names resolve on the machine).</summary>
    public SocketsHttpHandler HttpHandler()
    {
        var handler = new SocketsHttpHandler { UseProxy = false };
        handler.ConnectCallback = async (context, cancellationToken) =>
        {
            var address = IPAddress.Parse(context.DnsEndPoint.Host);
            var socket = Create(() => new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp));
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
        return handler;
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(5));
        _work.Dispose();
    }

#pragma warning disable SYSLIB1054 // one int-only libc call; DllImport needs no unsafe code in the test project
    [DllImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static extern int SetNs(int fd, int nstype);
#pragma warning restore SYSLIB1054
}
