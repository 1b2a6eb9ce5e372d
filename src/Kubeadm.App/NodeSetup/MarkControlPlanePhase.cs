using Kubeadm.App.Init;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;

namespace Kubeadm.App.NodeSetup;

/// <summary>`kubeadm init phase mark-control-plane`: label and taint this node as a control-plane node.</summary>
public static class MarkControlPlanePhase
{
    public static async Task RunAsync(InitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var registration = context.Config.Init.NodeRegistration;
        var taints = registration.Taints ?? [new Taint(KubeadmConstants.ControlPlaneLabel, "", "NoSchedule")];
        context.Out.WriteLine(
            $"[mark-control-plane] Marking the node {registration.Name} as control-plane by adding the labels: [{string.Join(' ', ControlPlaneNodePatch.Labels)}]");
        if (taints.Count > 0)
        {
            context.Out.WriteLine(
                $"[mark-control-plane] Marking the node {registration.Name} as control-plane by adding the taints [{string.Join(' ', taints.Select(ControlPlaneNodePatch.Describe))}]");
        }

        var api = await context.Cluster.GetAsync(cancellationToken).ConfigureAwait(false);
        var timeout = context.Config.Init.Timeouts.KubernetesApiCall ?? KubeadmConstants.KubernetesApiCallTimeout;
        await new ControlPlaneNodeMarker(api, context.Clock, timeout, Kubeadm.Core.Health.HealthWaiter.DefaultInterval)
            .MarkAsync(registration.Name, taints, cancellationToken)
            .ConfigureAwait(false);
    }
}
