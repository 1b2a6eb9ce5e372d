namespace Kubeadm.Core.EtcdApi;

/// <summary>
/// An etcd cluster in memory for tests: members, endpoints that are down, a lost quorum, a learner that needs a few
/// promote attempts to catch up. It answers as etcd does (MemberAdd of a known peer URL, MemberRemove of an unknown ID,
/// no membership change without quorum) and records every call.
/// </summary>
public sealed class InMemoryEtcdApi : IEtcdApi
{
    private readonly List<EtcdMember> _members = [];
    private readonly Lock _lock = new();
    private ulong _nextId = 0x1000;

    /// <summary>Client URLs that refuse connections.</summary>
    public HashSet<string> Down { get; } = new(StringComparer.Ordinal);

    /// <summary>Client URLs whose TLS handshake fails.</summary>
    public HashSet<string> TlsRefused { get; } = new(StringComparer.Ordinal);

    /// <summary>When true, membership changes fail with "unhealthy cluster" and Status reports no leader.</summary>
    public bool QuorumLost { get; set; }

    /// <summary>How many promote attempts answer "not in sync with leader" before one succeeds.</summary>
    public int PromoteAttemptsBeforeInSync { get; set; }

    /// <summary>Every call, as "Method endpoint [argument]".</summary>
    public List<string> Calls { get; } = [];

    public IReadOnlyList<EtcdMember> Members
    {
        get
        {
            lock (_lock)
            {
                return [.. _members];
            }
        }
    }

    /// <summary>Adds a started voting member.</summary>
    public InMemoryEtcdApi WithMember(string name, string peerUrl, string clientUrl)
    {
        lock (_lock)
        {
            _members.Add(new EtcdMember(_nextId++, name, [peerUrl], [clientUrl], IsLearner: false));
        }

        return this;
    }

    /// <summary>An added member starts: it gets its name and client URL.</summary>
    public void StartMember(string peerUrl, string name, string clientUrl)
    {
        lock (_lock)
        {
            var index = _members.FindIndex(m => m.HasPeerUrl(peerUrl));
            _members[index] = _members[index] with { Name = name, ClientUrls = [clientUrl] };
        }
    }

    public Task<IReadOnlyList<EtcdMember>> MemberListAsync(string endpoint, CancellationToken cancellationToken) =>
        Answer(endpoint, "MemberList", "", () => Members);

    public Task<(EtcdMember Added, IReadOnlyList<EtcdMember> Members)> MemberAddAsync(string endpoint, string peerUrl, bool asLearner, CancellationToken cancellationToken) =>
        Answer(endpoint, asLearner ? "MemberAddAsLearner" : "MemberAdd", peerUrl, () =>
        {
            RequireQuorum(endpoint);
            if (_members.Any(m => m.HasPeerUrl(peerUrl)))
            {
                throw new EtcdCallException(EtcdFailure.PeerUrlExists, endpoint, "etcdserver: Peer URLs already exists");
            }

            var added = new EtcdMember(_nextId++, "", [peerUrl], [], asLearner);
            _members.Add(added);
            return (added, (IReadOnlyList<EtcdMember>)[.. _members]);
        });

    public Task<IReadOnlyList<EtcdMember>> MemberPromoteAsync(string endpoint, ulong memberId, CancellationToken cancellationToken) =>
        Answer(endpoint, "MemberPromote", memberId.ToString("x", System.Globalization.CultureInfo.InvariantCulture), () =>
        {
            RequireQuorum(endpoint);
            var index = IndexOf(endpoint, memberId);
            if (PromoteAttemptsBeforeInSync > 0)
            {
                PromoteAttemptsBeforeInSync--;
                throw new EtcdCallException(EtcdFailure.LearnerNotReady, endpoint, "etcdserver: can only promote a learner member which is in sync with leader");
            }

            _members[index] = _members[index] with { IsLearner = false };
            return (IReadOnlyList<EtcdMember>)[.. _members];
        });

    public Task<IReadOnlyList<EtcdMember>> MemberRemoveAsync(string endpoint, ulong memberId, CancellationToken cancellationToken) =>
        Answer(endpoint, "MemberRemove", memberId.ToString("x", System.Globalization.CultureInfo.InvariantCulture), () =>
        {
            RequireQuorum(endpoint);
            _members.RemoveAt(IndexOf(endpoint, memberId));
            return (IReadOnlyList<EtcdMember>)[.. _members];
        });

    public Task<EtcdEndpointStatus> StatusAsync(string endpoint, CancellationToken cancellationToken) =>
        Answer(endpoint, "Status", "", () =>
        {
            var self = _members.First(m => m.ClientUrls.Contains(endpoint, StringComparer.Ordinal));
            var leader = QuorumLost ? 0 : _members.First(m => !m.IsLearner).Id;
            return new EtcdEndpointStatus(endpoint, "3.4.23", self.Id, leader, self.IsLearner, []);
        });

    private int IndexOf(string endpoint, ulong memberId)
    {
        var index = _members.FindIndex(m => m.Id == memberId);
        return index >= 0 ? index : throw new EtcdCallException(EtcdFailure.MemberNotFound, endpoint, "etcdserver: member not found");
    }

    private void RequireQuorum(string endpoint)
    {
        if (QuorumLost)
        {
            throw new EtcdCallException(EtcdFailure.NoQuorum, endpoint, "etcdserver: unhealthy cluster");
        }
    }

    private Task<T> Answer<T>(string endpoint, string method, string argument, Func<T> answer)
    {
        lock (_lock)
        {
            Calls.Add($"{method} {endpoint}{(argument.Length > 0 ? " " + argument : "")}".TrimEnd());
            if (TlsRefused.Contains(endpoint))
            {
                return Task.FromException<T>(new EtcdCallException(EtcdFailure.TlsRejected, endpoint, "TLS handshake failed: the remote certificate is invalid"));
            }

            if (Down.Contains(endpoint) || !_members.Any(m => m.ClientUrls.Contains(endpoint, StringComparer.Ordinal)))
            {
                return Task.FromException<T>(new EtcdCallException(EtcdFailure.Unreachable, endpoint, "Unavailable: Error connecting to subchannel. (Connection refused)"));
            }

            try
            {
                return Task.FromResult(answer());
            }
            catch (EtcdCallException e)
            {
                return Task.FromException<T>(e);
            }
        }
    }
}
