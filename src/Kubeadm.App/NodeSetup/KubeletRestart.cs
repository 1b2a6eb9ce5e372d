using Kubeadm.App.Init;
using Kubeadm.Core.Host;

namespace Kubeadm.App.NodeSetup;

/// <summary>kubeadm's best-effort kubelet restart (TryRestartKubelet): problems are reported, never fatal.</summary>
internal static class KubeletRestart
{
    private const string Unit = "kubelet";

    public static async Task TryAsync(InitContext context, CancellationToken cancellationToken)
    {
        const string noInitSystem = "[kubelet-start] No supported init system detected, won't make sure the kubelet not running for a short period of time while setting up configuration for it.";
        if (!context.ServiceManager.IsAvailable)
        {
            context.Out.WriteLine(noInitSystem);
            return;
        }

        try
        {
            if (!(await context.ServiceManager.GetStatusAsync(Unit, cancellationToken).ConfigureAwait(false)).Exists)
            {
                context.Out.WriteLine(
                    "[kubelet-start] Couldn't detect a kubelet service, can't make sure the kubelet not running for a short period of time while setting up configuration for it.");
            }

            await context.ServiceManager.RestartAsync(Unit, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceManagerUnavailableException)
        {
            context.Out.WriteLine(noInitSystem);
        }
        catch (ServiceManagerException e)
        {
            context.Err.WriteLine($"[kubelet-start] WARNING: unable to restart the kubelet service momentarily: [{e.Message}]");
        }
    }
}
