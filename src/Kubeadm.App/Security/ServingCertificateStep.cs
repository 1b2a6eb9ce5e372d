using Kubeadm.App.Init;
using Kubeadm.Core.Security;

namespace Kubeadm.App.Security;

/// <summary>
/// The CIS profile's last step on a node with admin credentials (init, control-plane join): approve the node's own
/// kubelet serving CSR. A worker has only its bootstrap token, which may not approve anything, so it prints what an
/// administrator runs instead.
/// </summary>
public static class ServingCertificateStep
{
    /// <summary>How long to wait for the kubelet to ask, once it runs with its client certificate.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    public static async Task ApproveOwnAsync(InitContext context, string nodeName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Config.SecurityProfile != SecurityProfile.Cis)
        {
            return;
        }

        if (context.DryRun)
        {
            context.Out.WriteLine($"[kubelet-serving] Would approve the kubelet serving certificate request of node \"{nodeName}\" once it names only the node's own name and addresses");
            return;
        }

        var api = await context.Cluster.GetAsync(cancellationToken).ConfigureAwait(false);
        await new KubeletServingCsrApprover(api, context.Clock, context.Out).ApproveAsync(nodeName, Wait, Interval, cancellationToken).ConfigureAwait(false);
    }

    public static void PrintWorkerNote(TextWriter output, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(
            $"[kubelet-serving] The kubelet asks the cluster CA for its serving certificate (security profile \"cis\"). On a control-plane node, check that " +
            $"the request of system:node:{nodeName} names only this node's name and addresses (kubectl get csr), then: kubectl certificate approve <name>");
    }
}
