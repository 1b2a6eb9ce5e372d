using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using dotnet_etcd;
using Etcdserverpb;
using Grpc.Core;
using Grpc.Net.Client;
using Kubeadm.Core.Etcd;

namespace Kubeadm.App.Etcd;

/// <summary>
/// <see cref="IEtcdApi"/> over dotnet-etcd: one gRPC channel per endpoint over mutual TLS (the etcd CA replaces the
/// system roots, the host name is verified, the client pair is presented), a dial timeout and a deadline on every call
/// (kubeadm's etcdTimeout, 2 s), and gRPC/etcd errors sorted into <see cref="EtcdFailure"/>.
/// </summary>
public sealed class GrpcEtcdApi : IEtcdApi, IDisposable
{
    private readonly EtcdClientCredentials _credentials;
    private readonly TimeSpan _callTimeout;
    private readonly Dictionary<string, (GrpcChannel Channel, EtcdClient Client)> _clients = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public GrpcEtcdApi(EtcdClientCredentials credentials, TimeSpan? callTimeout = null)
    {
        _credentials = credentials;
        _callTimeout = callTimeout ?? EtcdClientSettings.DefaultCallTimeout;
    }

    public Task<IReadOnlyList<EtcdMember>> MemberListAsync(string endpoint, CancellationToken cancellationToken) =>
        CallAsync(endpoint, async (client, deadline, ct) =>
            ToMembers((await client.MemberListAsync(new MemberListRequest(), deadline: deadline, cancellationToken: ct).ConfigureAwait(false)).Members),
            cancellationToken);

    public Task<(EtcdMember Added, IReadOnlyList<EtcdMember> Members)> MemberAddAsync(string endpoint, string peerUrl, bool asLearner, CancellationToken cancellationToken) =>
        CallAsync(endpoint, async (client, deadline, ct) =>
        {
            var request = new MemberAddRequest { IsLearner = asLearner };
            request.PeerURLs.Add(peerUrl);
            var response = await client.MemberAddAsync(request, deadline: deadline, cancellationToken: ct).ConfigureAwait(false);
            return (ToMember(response.Member), ToMembers(response.Members));
        }, cancellationToken);

    public Task<IReadOnlyList<EtcdMember>> MemberPromoteAsync(string endpoint, ulong memberId, CancellationToken cancellationToken) =>
        CallAsync(endpoint, async (client, deadline, ct) =>
            ToMembers((await client.MemberPromoteAsync(new MemberPromoteRequest { ID = memberId }, deadline: deadline, cancellationToken: ct).ConfigureAwait(false)).Members),
            cancellationToken);

    public Task<IReadOnlyList<EtcdMember>> MemberRemoveAsync(string endpoint, ulong memberId, CancellationToken cancellationToken) =>
        CallAsync(endpoint, async (client, deadline, ct) =>
            ToMembers((await client.MemberRemoveAsync(new MemberRemoveRequest { ID = memberId }, deadline: deadline, cancellationToken: ct).ConfigureAwait(false)).Members),
            cancellationToken);

    public Task<EtcdEndpointStatus> StatusAsync(string endpoint, CancellationToken cancellationToken) =>
        CallAsync(endpoint, async (client, deadline, ct) =>
        {
            var status = await client.StatusAsync(new StatusRequest(), deadline: deadline, cancellationToken: ct).ConfigureAwait(false);
            return new EtcdEndpointStatus(endpoint, status.Version, status.Header?.MemberId ?? 0, status.Leader, status.IsLearner, [.. status.Errors]);
        }, cancellationToken);

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var (channel, client) in _clients.Values)
            {
                client.Dispose();
                channel.Dispose();
            }

            _clients.Clear();
        }
    }

    private async Task<T> CallAsync<T>(string endpoint, Func<EtcdClient, DateTime, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var client = ClientFor(endpoint);
        try
        {
            return await call(client, DateTime.UtcNow + _callTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw EtcdRpcErrors.Classify(endpoint, e, _callTimeout);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EtcdCallException(EtcdFailure.Unreachable, endpoint, $"no answer within {_callTimeout.TotalSeconds:0.#}s");
        }
    }

    private EtcdClient ClientFor(string endpoint)
    {
        lock (_lock)
        {
            if (_clients.TryGetValue(endpoint, out var existing))
            {
                return existing.Client;
            }

            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new EtcdCallException(EtcdFailure.Rejected, endpoint, $"invalid etcd endpoint \"{endpoint}\": expected https://<host>:<port>");
            }

            var handler = new SocketsHttpHandler
            {
                ConnectTimeout = _callTimeout,
                SslOptions = _credentials.SslOptions(),
                EnableMultipleHttp2Connections = true,
            };
            var channel = GrpcChannel.ForAddress(uri, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
            var client = new EtcdClient(channel.CreateCallInvoker());
            _clients[endpoint] = (channel, client);
            return client;
        }
    }

    private static IReadOnlyList<EtcdMember> ToMembers(IEnumerable<Member> members) => [.. members.Select(ToMember)];

    private static EtcdMember ToMember(Member member) =>
        new(member.ID, member.Name, [.. member.PeerURLs], [.. member.ClientURLs], member.IsLearner);
}

/// <summary>The etcd CA and the client pair, loaded once; <see cref="SslOptions"/> gives each channel its TLS settings.</summary>
public sealed class EtcdClientCredentials : IDisposable
{
    private readonly X509Certificate2Collection _roots;
    private readonly X509Certificate2 _clientCertificate;

    public EtcdClientCredentials(string caPem, string certificatePem, string keyPem)
    {
        _roots = [];
        _roots.ImportFromPem(caPem);
        if (_roots.Count == 0)
        {
            throw new ArgumentException("the etcd CA file holds no certificate", nameof(caPem));
        }

        _clientCertificate = X509Certificate2.CreateFromPem(certificatePem, keyPem);
    }

    public SslClientAuthenticationOptions SslOptions()
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.AddRange(_roots);
        return new SslClientAuthenticationOptions
        {
            CertificateChainPolicy = policy,
            ClientCertificates = [_clientCertificate],
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        };
    }

    public void Dispose()
    {
        _clientCertificate.Dispose();
        foreach (var root in _roots)
        {
            root.Dispose();
        }
    }
}
