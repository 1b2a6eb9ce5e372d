using System.Globalization;
using Kubeadm.Core.Errors;
using Kubeadm.Core.EtcdApi;

namespace Kubeadm.App.Reset;

/// <summary>
/// Removes this node's stacked etcd member before reset wipes its data, as kubeadm's RemoveStackedEtcdMemberFromCluster
/// does: reach the local member at its advertised client URL (from etcd.yaml), sync to every member's client URL,
/// leave a lone member in place, otherwise remove the member whose peer URL is this node's. When that fails, --force
/// keeps kubeadm's behaviour (warn, then delete the data); without it reset refuses to delete the data of a member the
/// cluster may still count, and says how to remove it by hand.
/// </summary>
internal sealed class StackedEtcdMemberRemoval
{
    private readonly ResetContext _context;
    private readonly EtcdManifest? _manifest;
    private readonly string _dataDir;
    private readonly EtcdTlsFiles _tls;

    public StackedEtcdMemberRemoval(ResetContext context, EtcdManifest? manifest, string dataDir)
    {
        _context = context;
        _manifest = manifest;
        _dataDir = dataDir;
        _tls = EtcdTlsFiles.ForCertificatesDir(context.CertificatesDir);
    }

    private string MemberName => _manifest?.MemberName is { Length: > 0 } name ? $"\"{name}\"" : "of this node";

    /// <summary>Removes the member; throws when the data must not be deleted.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Unidentified() is { } reason)
        {
            WarnFailed(reason, _manifest?.ClientUrls ?? []);
            return;
        }

        using var etcd = _context.EtcdClientFor(_manifest!.ClientUrls, _context.EtcdApiCallTimeout);
        IReadOnlyList<EtcdMember>? members = null;
        try
        {
            await etcd.SyncAsync(cancellationToken).ConfigureAwait(false);
            members = await etcd.ListMembersAsync(cancellationToken).ConfigureAwait(false);
            var self = members.FirstOrDefault(member => member.HasPeerUrl(_manifest.PeerUrl!));
            if (self is null)
            {
                Verbose($"[etcd] This node's etcd member (peer URL {_manifest.PeerUrl}) is not in the etcd cluster; nothing to remove");
                return;
            }

            if (members.Count == 1)
            {
                Verbose("[etcd] This is the only remaining etcd member in the etcd cluster, skip removing it");
                return;
            }

            Verbose($"[etcd] removing etcd member: {_manifest.PeerUrl}, id: {self.Id.ToString(CultureInfo.InvariantCulture)}");
            var left = await etcd.RemoveMemberAsync(self.Id, cancellationToken).ConfigureAwait(false);
            _context.Out.WriteLine(
                $"[reset] Removed etcd member \"{self.DisplayName}\" (ID {self.HexId}) from the etcd cluster; members left: {string.Join(", ", left.Select(m => m.DisplayName))}");
        }
        catch (EtcdClusterException e)
        {
            var others = OtherEndpoints(members, etcd.Endpoints);
            if (_context.Force || members?.Count == 1)
            {
                WarnFailed(e.Message, others);
                return;
            }

            throw Refusal(e.Message, members, others, dryRun: false);
        }
    }

    /// <summary>--dry-run: looks (one try, read only) at the cluster and prints what the real run would do.</summary>
    public async Task PlanAsync(CancellationToken cancellationToken)
    {
        _context.Out.WriteLine("[reset] Would remove the etcd member on this node from the etcd cluster");
        if (Unidentified() is { } reason)
        {
            _context.Out.WriteLine($"[reset] This node's etcd member cannot be identified ({reason}); the real run would warn and go on");
            return;
        }

        using var etcd = _context.EtcdClientFor(_manifest!.ClientUrls, TimeSpan.Zero);
        IReadOnlyList<EtcdMember>? members = null;
        try
        {
            await etcd.SyncAsync(cancellationToken).ConfigureAwait(false);
            members = await etcd.ListMembersAsync(cancellationToken).ConfigureAwait(false);
            var self = members.FirstOrDefault(member => member.HasPeerUrl(_manifest.PeerUrl!));
            var line = self is null ? $"[reset] This node's etcd member (peer URL {_manifest.PeerUrl}) is not in the etcd cluster: nothing would be removed"
                : members.Count == 1 ? $"[reset] etcd member \"{self.DisplayName}\" is the only member of the etcd cluster: it would be left in place"
                : $"[reset] Would remove etcd member \"{self.DisplayName}\" (ID {self.HexId}, peer URL {self.PeerUrls[0]}) through {string.Join(",", etcd.Endpoints)}; "
                    + $"members left would be: {string.Join(", ", members.Where(m => m.Id != self.Id).Select(m => m.DisplayName))}";
            _context.Out.WriteLine(line);
        }
        catch (EtcdClusterException e)
        {
            if (_context.Force || members?.Count == 1)
            {
                _context.Out.WriteLine($"[reset] The etcd member could not be looked at ({e.Message}); with --force the real run would warn and delete the data anyway");
                return;
            }

            throw Refusal(e.Message, members, OtherEndpoints(members, etcd.Endpoints), dryRun: true);
        }
    }

    private string? Unidentified() =>
        _manifest is null ? $"there is no etcd manifest {EtcdManifest.Path} that names this node's member"
        : _manifest.ClientUrls.Count == 0 ? $"{EtcdManifest.Path} has no --advertise-client-urls"
        : _manifest.PeerUrl is null ? $"{EtcdManifest.Path} has no --initial-advertise-peer-urls"
        : null;

    /// <summary>kubeadm's behaviour: a warning, the etcdctl commands, and reset goes on to delete the data.</summary>
    private void WarnFailed(string reason, IReadOnlyList<string> endpoints)
    {
        _context.ReportUnfinished($"[reset] Failed to remove etcd member: {reason}, please manually remove this etcd member using etcdctl");
        var etcdctl = _tls.EtcdctlCommand(endpoints.Count > 0 ? endpoints : [LocalHint()]);
        _context.Out.WriteLine($"[reset] If other control-plane nodes remain, remove the member {MemberName} from one of them:");
        _context.Out.WriteLine($"\t{etcdctl} member list");
        _context.Out.WriteLine($"\t{etcdctl} member remove <ID>");
    }

    private KubeadmUserException Refusal(string reason, IReadOnlyList<EtcdMember>? members, List<string> endpoints, bool dryRun)
    {
        var cluster = members is null ? "the etcd cluster (its members could not be listed, so others may remain)"
            : $"the etcd cluster of {members.Count} members ({string.Join(", ", members.Select(m => m.DisplayName))})";
        var etcdctl = _tls.EtcdctlCommand(endpoints.Count > 0 ? endpoints : [LocalHint()]);
        var prefix = dryRun ? "dry run: the real reset would stop here: " : "";
        return new KubeadmUserException(
            $"{prefix}[reset] refusing to delete the etcd data directory {_dataDir}: the etcd member {MemberName} (peer URL {_manifest?.PeerUrl}) "
            + $"could not be removed from {cluster}: {reason}\n"
            + "Deleting its data while the cluster still counts it as a member leaves a dead voting member behind, one failure closer to losing quorum.\n"
            + "Remove the member by hand from a control-plane node that still runs etcd:\n"
            + $"\t{etcdctl} member list\n"
            + $"\t{etcdctl} member remove <ID of {MemberName}>\n"
            + "then run 'kubeadm reset' again; or run 'kubeadm reset --force' to delete the data anyway (what kubeadm does).");
    }

    /// <summary>The other members' client URLs, for the etcdctl hint (run elsewhere); empty when none is known.</summary>
    private List<string> OtherEndpoints(IReadOnlyList<EtcdMember>? members, IReadOnlyList<string> endpoints)
    {
        var own = _manifest?.ClientUrls ?? [];
        return [.. (members?.SelectMany(m => m.ClientUrls) ?? endpoints).Where(url => !own.Contains(url, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Where etcdctl reaches etcd on another control-plane node when no other member's URL is known.</summary>
    private static string LocalHint() => $"https://127.0.0.1:{Kubeadm.Core.Constants.KubeadmConstants.EtcdClientPort}";

    private void Verbose(string line)
    {
        if (_context.Verbosity >= 1)
        {
            _context.Err.WriteLine(line);
        }
    }
}
