using Kubeadm.App.EtcdApi;
using Kubeadm.Core.Constants;
using Kubeadm.Core.EtcdApi;

namespace Kubeadm.App.Join;

/// <summary>
/// <see cref="IStackedEtcdMembership"/> over the etcd v3 client: endpoints found as kubeadm's NewFromCluster finds them
/// (the etcd Pods' annotations through admin.conf, then a Sync), TLS with this node's etcd healthcheck-client pair.
/// </summary>
public sealed class StackedEtcdMembership : IStackedEtcdMembership, IDisposable
{
    private const int AvailabilityRetries = 8;
    private static readonly TimeSpan AvailabilityInterval = TimeSpan.FromSeconds(5);

    private readonly JoinContext _context;
    private IEtcdCluster? _cluster;

    public StackedEtcdMembership(JoinContext context) => _context = context;

    public async Task CheckHealthAsync(CancellationToken cancellationToken) =>
        await (await ClusterAsync(cancellationToken).ConfigureAwait(false)).CheckClusterHealthAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<(string Name, string PeerUrl)>> ListMembersAsync(CancellationToken cancellationToken)
    {
        var members = await (await ClusterAsync(cancellationToken).ConfigureAwait(false)).ListMembersAsync(cancellationToken).ConfigureAwait(false);
        return [.. members.Where(m => m.PeerUrls.Count > 0).Select(m => (m.DisplayName, m.PeerUrls[0]))];
    }

    public async Task<IReadOnlyList<(string Name, string PeerUrl)>> AddLearnerAsync(string name, string peerUrl, CancellationToken cancellationToken)
    {
        var members = await (await ClusterAsync(cancellationToken).ConfigureAwait(false))
            .AddMemberAsLearnerAsync(name, peerUrl, cancellationToken).ConfigureAwait(false);
        return [.. members.Where(m => m.PeerUrls.Count > 0).Select(m => (m.HasPeerUrl(peerUrl) ? name : m.DisplayName, m.PeerUrls[0]))];
    }

    public async Task PromoteAsync(string peerUrl, CancellationToken cancellationToken)
    {
        var cluster = await ClusterAsync(cancellationToken).ConfigureAwait(false);
        var id = await cluster.GetMemberIdAsync(peerUrl, cancellationToken).ConfigureAwait(false);
        await cluster.PromoteMemberAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task WaitAvailableAsync(CancellationToken cancellationToken) =>
        await (await ClusterAsync(cancellationToken).ConfigureAwait(false))
            .WaitForClusterAvailableAsync(AvailabilityRetries, AvailabilityInterval, cancellationToken).ConfigureAwait(false);

    public void Dispose() => _cluster?.Dispose();

    private async Task<IEtcdCluster> ClusterAsync(CancellationToken cancellationToken)
    {
        if (_cluster is not null)
        {
            return _cluster;
        }

        var node = await _context.NodeAsync(cancellationToken).ConfigureAwait(false);
        var admin = _context.ClientForFile(KubeadmConstants.AdminKubeConfigFile);
        var factory = new EtcdClusterFactory(_context.FileSystem, _context.Clock, line => _context.Out.WriteLine(line));
        _cluster = await factory.FromClusterAsync(
            admin, node.Config.Cluster.CertificatesDir, _context.Join.Timeouts.EtcdApiCall, _context.Join.Timeouts.KubernetesApiCall, cancellationToken).ConfigureAwait(false);
        return _cluster;
    }
}
