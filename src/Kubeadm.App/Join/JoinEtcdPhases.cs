using Kubeadm.App.ControlPlane;
using Kubeadm.App.Plan;
using Kubeadm.Core.Constants;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Plan;

namespace Kubeadm.App.Join;

/// <summary>
/// check-etcd, etcd-join (ControlPlaneKubeletLocalMode on) and control-plane-join/etcd (off): on a control-plane join
/// with stacked etcd, check the cluster's etcd, add this node as a learner, write its etcd manifest listing every
/// member with --initial-cluster-state=existing, promote it once it has caught up, and wait for the cluster.
/// </summary>
public static class JoinEtcdPhases
{
    /// <summary>The plan item kind of an etcd membership change.</summary>
    public const string EtcdItemKind = "etcd";

    public static async Task CheckAsync(JoinContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsControlPlane)
        {
            return;
        }

        var node = await context.NodeAsync(cancellationToken).ConfigureAwait(false);
        if (node.IsExternalEtcd)
        {
            context.Out.WriteLine("[check-etcd] Skipping etcd check in external mode");
            return;
        }

        context.Out.WriteLine("[check-etcd] Checking that the etcd cluster is healthy");
        // --plan does check: reading the members' health changes nothing.
        if (context.DryRun && !context.IsPlan)
        {
            return;
        }

        var membership = Membership(context);
        using var disposable = membership as IDisposable;
        await membership.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task JoinLocalModeAsync(JoinContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.ClusterAsync(cancellationToken).ConfigureAwait(false);
        if (context.LocalMode)
        {
            await JoinAsync(context, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task JoinWithoutLocalModeAsync(JoinContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.ClusterAsync(cancellationToken).ConfigureAwait(false);
        if (!context.LocalMode)
        {
            await JoinAsync(context, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task JoinAsync(JoinContext context, CancellationToken cancellationToken)
    {
        if (!context.IsControlPlane)
        {
            return;
        }

        var node = await context.NodeAsync(cancellationToken).ConfigureAwait(false);
        if (node.IsExternalEtcd)
        {
            context.Out.WriteLine("[control-plane-join] Using external etcd - no local stacked instance added");
            return;
        }

        var dataDir = node.Config.Cluster.Etcd.Local?.DataDir is { Length: > 0 } dir ? dir : KubeadmConstants.DefaultEtcdDataDir;
        var peerUrl = EtcdPodBuilder.PeerUrl(node.Config.Init.LocalApiEndpoint.AdvertiseAddress);
        if (context.Plan is { } plan)
        {
            await PlanJoinAsync(context, node, plan, dataDir, peerUrl, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (context.DryRun)
        {
            context.Out.WriteLine($"[control-plane-join] Would ensure that \"{dataDir}\" directory is present");
            context.Out.WriteLine($"[etcd] Would add etcd member: {peerUrl}");
            context.Out.WriteLine("[etcd] Would wait for the new etcd member to join the cluster");
            return;
        }

        context.FileSystem.CreateDirectory(dataDir, FileModes.PrivateDirectory);
        var membership = Membership(context);
        using var disposable = membership as IDisposable;
        IReadOnlyList<(string Name, string PeerUrl)> members;
        try
        {
            members = await membership.AddLearnerAsync(context.NodeName, peerUrl, cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine("[etcd] Announced new etcd member joining to the existing etcd cluster");
            context.Out.WriteLine($"[etcd] Creating static Pod manifest for \"{ComponentNames.Etcd}\"");
            var pod = EtcdPodBuilder.Build(node.Config, m => context.Err.WriteLine($"WARNING: {m}"), members);
            StaticPodWriter.Write(node, ComponentNames.Etcd, Security.EtcdUserStep.Harden(node, pod));
            await membership.PromoteAsync(peerUrl, cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine("[etcd] Waiting for the new etcd member to join the cluster. This can take up to 40s");
            await membership.WaitAvailableAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (KubeadmUserException e)
        {
            throw new KubeadmUserException($"error creating local etcd static pod manifest file: {e.Message}", e);
        }
    }

    /// <summary>
    /// `--plan`: reads the members (nothing is added), reports the member the run would add (or finds it there already)
    /// and plans the manifest the run would write with every member listed, as after the add.
    /// </summary>
    private static async Task PlanJoinAsync(JoinContext context, Init.InitContext node, PlanSession plan, string dataDir, string peerUrl, CancellationToken cancellationToken)
    {
        context.FileSystem.CreateDirectory(dataDir, FileModes.PrivateDirectory);
        var membership = Membership(context);
        using var disposable = membership as IDisposable;
        IReadOnlyList<(string Name, string PeerUrl)> members;
        try
        {
            members = await membership.ListMembersAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (KubeadmUserException e)
        {
            throw new KubeadmUserException($"error creating local etcd static pod manifest file: {e.Message}", e);
        }

        var member = $"member {context.NodeName} {peerUrl}";
        if (members.Any(m => m.PeerUrl == peerUrl))
        {
            plan.Record(EtcdItemKind, member, PlanAction.Unchanged, "already a member of the etcd cluster: the run adds nothing");
            members = [.. members.Select(m => m.PeerUrl == peerUrl ? (context.NodeName, m.PeerUrl) : m)];
        }
        else
        {
            plan.Record(EtcdItemKind, member, PlanAction.Create,
                $"the run adds it to the etcd cluster of {members.Count} member(s) as a learner, then promotes it once it has caught up (the plan adds nothing)");
            members = [.. members, (context.NodeName, peerUrl)];
        }

        context.Out.WriteLine($"[etcd] Would add etcd member: {peerUrl}");
        var pod = EtcdPodBuilder.Build(node.Config, m => context.Err.WriteLine($"WARNING: {m}"), members);
        StaticPodWriter.Write(node, ComponentNames.Etcd, Security.EtcdUserStep.Harden(node, pod));
    }

    private static IStackedEtcdMembership Membership(JoinContext context) =>
        context.EtcdMembership?.Invoke(context)
        ?? throw new KubeadmUserException(
            "stacked etcd cannot be joined by this build: it has no etcd client (join with external etcd, or use a build with the etcd client)");
}
