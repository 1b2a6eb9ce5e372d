namespace Kubeadm.Core.Etcd;

/// <summary>Which voting members answer and know a leader: the evidence behind a "quorum lost" error.</summary>
/// <param name="Voters">The voting members from MemberList.</param>
/// <param name="Healthy">Voters whose Status answered with a leader.</param>
/// <param name="Leaderless">Voters that answered but know no leader.</param>
/// <param name="Silent">Voters that did not answer (or have no client URL yet), with the reason.</param>
public sealed record EtcdQuorumReport(
    IReadOnlyList<EtcdMember> Voters,
    IReadOnlyList<EtcdMember> Healthy,
    IReadOnlyList<EtcdMember> Leaderless,
    IReadOnlyList<(EtcdMember Member, string Reason)> Silent)
{
    /// <summary>How many healthy voters etcd needs to make progress.</summary>
    public int Needed => (Voters.Count / 2) + 1;

    public bool HasQuorum => Healthy.Count >= Needed;
}

/// <summary>Asks every voting member for its status, once each, to tell "unreachable" from "quorum lost".</summary>
public static class EtcdQuorumProbe
{
    /// <summary>The report; null when no endpoint answers MemberList at all.</summary>
    public static async Task<EtcdQuorumReport?> ProbeAsync(IEtcdApi api, IReadOnlyList<string> endpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(endpoints);
        IReadOnlyList<EtcdMember>? members = null;
        foreach (var endpoint in endpoints)
        {
            try
            {
                members = await api.MemberListAsync(endpoint, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (EtcdCallException)
            {
                // The next endpoint may answer.
            }
        }

        if (members is null)
        {
            return null;
        }

        var voters = members.Where(member => !member.IsLearner).ToList();
        var statuses = await Task.WhenAll(voters.Select(member => StatusOfAsync(api, member, cancellationToken))).ConfigureAwait(false);
        return new EtcdQuorumReport(
            voters,
            [.. statuses.Where(s => s.Status is { LeaderId: not 0 }).Select(s => s.Member)],
            [.. statuses.Where(s => s.Status is { LeaderId: 0 }).Select(s => s.Member)],
            [.. statuses.Where(s => s.Status is null).Select(s => (s.Member, s.Reason))]);
    }

    private static async Task<(EtcdMember Member, EtcdEndpointStatus? Status, string Reason)> StatusOfAsync(
        IEtcdApi api, EtcdMember member, CancellationToken cancellationToken)
    {
        var reason = "it advertises no client URL (not started)";
        foreach (var url in member.ClientUrls)
        {
            try
            {
                return (member, await api.StatusAsync(url, cancellationToken).ConfigureAwait(false), "");
            }
            catch (EtcdCallException e)
            {
                reason = $"{url}: {e.Message}";
            }
        }

        return (member, null, reason);
    }
}
