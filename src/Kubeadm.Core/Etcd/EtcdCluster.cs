using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.Etcd;

/// <summary>
/// kubeadm's etcd client semantics over <see cref="IEtcdApi"/>: every operation is tried on each endpoint in turn
/// (the last one that answered first), retried every <see cref="EtcdClientSettings.RetryInterval"/> for up to
/// <see cref="EtcdClientSettings.Timeout"/>, and a final failure is explained (unreachable, TLS refused, quorum lost).
/// </summary>
public sealed class EtcdCluster : IEtcdCluster
{
    private readonly IEtcdApi _api;
    private readonly EtcdClientSettings _settings;
    private readonly TimeProvider _clock;
    private readonly Action<string> _progress;
    private List<string> _endpoints;
    private string? _lastGood;

    /// <param name="api">The transport; disposed with this client when it is disposable.</param>
    /// <param name="settings">Endpoints, TLS files (for messages) and timing.</param>
    /// <param name="clock">Time for retries.</param>
    /// <param name="progress">Receives "[etcd] …" lines during long waits (kubeadm's V(1) lines and still-waiting notes).</param>
    public EtcdCluster(IEtcdApi api, EtcdClientSettings settings, TimeProvider clock, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Endpoints.Count == 0)
        {
            throw new ArgumentException("at least one etcd endpoint is needed", nameof(settings));
        }

        _api = api;
        _settings = settings;
        _clock = clock;
        _progress = progress ?? (_ => { });
        _endpoints = [.. settings.Endpoints.Distinct(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Endpoints => _endpoints;

    public void Dispose() => (_api as IDisposable)?.Dispose();

    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        var members = await ListMembersAsync(cancellationToken).ConfigureAwait(false);
        var urls = members.SelectMany(member => member.ClientUrls).Where(url => url.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (urls.Count == 0)
        {
            throw new EtcdClusterException(EtcdFailure.Rejected,
                $"error syncing endpoints with etcd: no member of the cluster behind {string.Join(", ", _endpoints)} advertises a client URL");
        }

        _endpoints = urls;
    }

    public Task<IReadOnlyList<EtcdMember>> ListMembersAsync(CancellationToken cancellationToken) =>
        RetryAsync("list the etcd members", _api.MemberListAsync, cancellationToken);

    public async Task<ulong> GetMemberIdAsync(string peerUrl, CancellationToken cancellationToken)
    {
        var members = await ListMembersAsync(cancellationToken).ConfigureAwait(false);
        return members.FirstOrDefault(member => member.HasPeerUrl(peerUrl))?.Id
            ?? throw new EtcdClusterException(EtcdFailure.MemberNotFound,
                $"no member id found for peer URL {peerUrl}; members: {string.Join("; ", members)}");
    }

    public Task<IReadOnlyList<EtcdMember>> AddMemberAsync(string name, string peerUrl, CancellationToken cancellationToken) =>
        AddAsync(name, peerUrl, asLearner: false, cancellationToken);

    public Task<IReadOnlyList<EtcdMember>> AddMemberAsLearnerAsync(string name, string peerUrl, CancellationToken cancellationToken) =>
        AddAsync(name, peerUrl, asLearner: true, cancellationToken);

    public async Task PromoteMemberAsync(ulong memberId, CancellationToken cancellationToken)
    {
        var hex = memberId.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        var waitingNoted = false;
        await RetryAsync($"promote the etcd learner {hex} to a voting member", async (endpoint, ct) =>
        {
            var member = (await _api.MemberListAsync(endpoint, ct).ConfigureAwait(false)).FirstOrDefault(m => m.Id == memberId)
                ?? throw new EtcdCallException(EtcdFailure.MemberNotFound, endpoint, $"etcdserver: member not found (ID {hex})");
            if (!member.IsLearner)
            {
                return true;
            }

            if (!member.IsStarted)
            {
                if (!waitingNoted)
                {
                    _progress($"[etcd] Waiting for a learner to start: {hex}");
                    waitingNoted = true;
                }

                throw new EtcdCallException(EtcdFailure.LearnerNotReady, endpoint, $"the learner {hex} is not started yet");
            }

            await _api.MemberPromoteAsync(endpoint, memberId, ct).ConfigureAwait(false);
            _progress($"[etcd] The learner was promoted as a voting member: {hex}");
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<EtcdMember>> RemoveMemberAsync(ulong memberId, CancellationToken cancellationToken)
    {
        // Ask another member first: a member that removes itself stops serving right after the change.
        var removedUrls = (await ListMembersAsync(cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(member => member.Id == memberId)?.ClientUrls ?? [];
        _endpoints = [.. _endpoints.OrderBy(endpoint => removedUrls.Contains(endpoint, StringComparer.Ordinal))];
        if (_lastGood is not null && removedUrls.Contains(_lastGood, StringComparer.Ordinal))
        {
            _lastGood = null;
        }

        var hex = memberId.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        return await RetryAsync($"remove the etcd member {hex}", async (endpoint, ct) =>
        {
            var members = await _api.MemberListAsync(endpoint, ct).ConfigureAwait(false);
            if (members.All(member => member.Id != memberId))
            {
                return members;
            }

            try
            {
                return await _api.MemberRemoveAsync(endpoint, memberId, ct).ConfigureAwait(false);
            }
            catch (EtcdCallException e) when (e.Failure == EtcdFailure.MemberNotFound)
            {
                return await _api.MemberListAsync(endpoint, ct).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<EtcdEndpointStatus> StatusAsync(string endpoint, CancellationToken cancellationToken) =>
        RetryAsync($"get the status of {endpoint}", (_, ct) => _api.StatusAsync(endpoint, ct), cancellationToken, [endpoint]);

    public async Task CheckClusterHealthAsync(CancellationToken cancellationToken)
    {
        var endpoints = _endpoints.ToList();
        var results = await Task.WhenAll(endpoints.Select(async endpoint =>
        {
            try
            {
                var status = await StatusAsync(endpoint, cancellationToken).ConfigureAwait(false);
                return (endpoint, Problem: status.Errors.Count == 0 ? null : string.Join("; ", status.Errors));
            }
            catch (EtcdClusterException e)
            {
                return (endpoint, Problem: e.Message);
            }
        })).ConfigureAwait(false);

        var unhealthy = results.Where(result => result.Problem is not null).ToList();
        var healthy = results.Length - unhealthy.Count;
        if (healthy > results.Length / 2)
        {
            if (unhealthy.Count > 0)
            {
                _progress($"[etcd] cluster has quorum: true; some members are not healthy: {Describe(unhealthy)}");
            }

            return;
        }

        throw new EtcdClusterException(EtcdFailure.NoQuorum,
            $"etcd cluster is not healthy: {healthy} of {results.Length} endpoints are healthy, a majority is needed: {Describe(unhealthy)}");
    }

    public async Task WaitForClusterAvailableAsync(int retries, TimeSpan interval, CancellationToken cancellationToken)
    {
        var failures = new List<(string Endpoint, string? Problem)>();
        for (var round = 1; round <= retries; round++)
        {
            if (round > 1)
            {
                await Task.Delay(interval, _clock, cancellationToken).ConfigureAwait(false);
            }

            failures.Clear();
            foreach (var endpoint in _endpoints.ToList())
            {
                try
                {
                    await _api.StatusAsync(endpoint, cancellationToken).ConfigureAwait(false);
                }
                catch (EtcdCallException e)
                {
                    failures.Add((endpoint, e.Message));
                }
            }

            if (failures.Count == 0)
            {
                return;
            }
        }

        throw new EtcdClusterException(EtcdFailure.Unreachable,
            $"timeout waiting for etcd cluster to be available: after {retries} tries {GoDuration.Format(interval)} apart these endpoints still fail: {Describe(failures)}");
    }

    private async Task<IReadOnlyList<EtcdMember>> AddAsync(string name, string peerUrl, bool asLearner, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(peerUrl, UriKind.Absolute, out _))
        {
            throw new EtcdClusterException(EtcdFailure.Rejected, $"error parsing peer URL {peerUrl}: not an absolute URL");
        }

        _progress(asLearner ? $"[etcd] Adding etcd member as learner: {peerUrl}" : $"[etcd] Adding etcd member: {peerUrl}");
        var members = await RetryAsync($"add the etcd member {peerUrl}{(asLearner ? " as a learner" : "")}", async (endpoint, ct) =>
        {
            var current = await _api.MemberListAsync(endpoint, ct).ConfigureAwait(false);
            if (current.Any(member => member.HasPeerUrl(peerUrl)))
            {
                return current;
            }

            try
            {
                return (await _api.MemberAddAsync(endpoint, peerUrl, asLearner, ct).ConfigureAwait(false)).Members;
            }
            catch (EtcdCallException e) when (e.Failure == EtcdFailure.PeerUrlExists)
            {
                return await _api.MemberListAsync(endpoint, ct).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);

        return [.. members.Select(member => member.IsStarted ? member
            : member with { Name = member.HasPeerUrl(peerUrl) ? name : member.HexId })];
    }

    private async Task<T> RetryAsync<T>(string what, Func<string, CancellationToken, Task<T>> call, CancellationToken cancellationToken, IReadOnlyList<string>? onlyEndpoints = null)
    {
        var start = _clock.GetUtcNow();
        var deadline = start + _settings.Timeout;
        var nextProgress = start + _settings.ProgressInterval;
        var failures = new Dictionary<string, EtcdCallException>(StringComparer.Ordinal);
        while (true)
        {
            foreach (var endpoint in onlyEndpoints ?? Ordered())
            {
                try
                {
                    var result = await call(endpoint, cancellationToken).ConfigureAwait(false);
                    _lastGood = endpoint;
                    return result;
                }
                catch (EtcdCallException e) when (e.IsTransient)
                {
                    failures[endpoint] = e;
                }
                catch (EtcdCallException e)
                {
                    throw new EtcdClusterException(e.Failure, EtcdFailureExplainer.Refused(what, e, _settings.Tls), e);
                }
            }

            var now = _clock.GetUtcNow();
            if (now + _settings.RetryInterval > deadline)
            {
                throw await ExplainAsync(what, failures, cancellationToken).ConfigureAwait(false);
            }

            if (now >= nextProgress)
            {
                var last = failures.Values.Last();
                _progress($"[etcd] Still trying to {what} ({GoDuration.Format(now - start)} of {GoDuration.Format(_settings.Timeout)}): {last.Endpoint}: {last.Message}");
                nextProgress = now + _settings.ProgressInterval;
            }

            await Task.Delay(_settings.RetryInterval, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private List<string> Ordered() =>
        _lastGood is { } good && _endpoints.Contains(good, StringComparer.Ordinal)
            ? _endpoints.Where(e => e == good).Concat(_endpoints.Where(e => e != good)).ToList()
            : _endpoints.ToList();

    /// <summary>The final error after the retries: with a look at each member's status when quorum may be the cause.</summary>
    private async Task<EtcdClusterException> ExplainAsync(string what, Dictionary<string, EtcdCallException> failures, CancellationToken cancellationToken)
    {
        var timeout = GoDuration.Format(_settings.Timeout);
        if (failures.Values.All(e => e.Failure == EtcdFailure.LearnerNotReady))
        {
            return new EtcdClusterException(EtcdFailure.LearnerNotReady,
                $"could not {what} within {timeout}: {failures.Values.Last().Message}. Check that the new member's etcd runs "
                + "and reaches the other members on its peer URL (its log: crictl logs $(crictl ps -q --name etcd))", failures.Values.Last());
        }

        var quorum = await EtcdQuorumProbe.ProbeAsync(_api, _endpoints, cancellationToken).ConfigureAwait(false);
        return EtcdFailureExplainer.AfterRetries(what, timeout, failures, quorum, _settings.Tls);
    }

    private static string Describe(IEnumerable<(string Endpoint, string? Problem)> problems) =>
        string.Join("; ", problems.Select(p => $"{p.Endpoint}: {p.Problem}"));
}
