using Kubeadm.App.Init;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Kubelet;

/// <summary>
/// kubeadm's best-effort handling of the kubelet service around kubelet-start: stop it while its files change,
/// restart it afterwards. Nothing here fails the phase; problems are reported the way kubeadm reports them.
/// </summary>
internal static class KubeletService
{
    public const string Unit = "kubelet";

    private const string StopPurpose = "won't make sure the kubelet not running for a short period of time while setting up configuration for it.";
    private const string StartPurpose = "won't make sure the kubelet is running properly.";

    public static async Task TryStopAsync(InitContext context, CancellationToken cancellationToken)
    {
        if (!await IsUsableAsync(context, StopPurpose, "can't make sure the kubelet not running for a short period of time while setting up configuration for it.", cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await context.ServiceManager.StopAsync(Unit, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceManagerException e)
        {
            context.Err.WriteLine($"[kubelet-start] WARNING: unable to stop the kubelet service momentarily: [{e.Message}]");
        }
    }

    public static async Task TryStartAsync(InitContext context, CancellationToken cancellationToken)
    {
        if (!await IsUsableAsync(context, StartPurpose, "can't make sure the kubelet is running properly.", cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await context.ServiceManager.RestartAsync(Unit, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceManagerException e)
        {
            context.Err.WriteLine($"[kubelet-start] WARNING: unable to start the kubelet service: [{e.Message}]");
            context.Out.WriteLine("[kubelet-start] Please ensure kubelet is reloaded and running manually.");
        }
    }

    /// <summary>Whether the service is worth asking about at all, for kubeadm's systemd-resolved check (false when unknown).</summary>
    public static async Task<bool> IsActiveAsync(InitContext context, string unit, CancellationToken cancellationToken)
    {
        if (!context.ServiceManager.IsAvailable)
        {
            return false;
        }

        try
        {
            return (await context.ServiceManager.GetStatusAsync(unit, cancellationToken).ConfigureAwait(false)).IsActive;
        }
        catch (ServiceManagerException e)
        {
            context.Err.WriteLine($"WARNING: cannot determine if {unit} is active: {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// False (after kubeadm's note) when there is no init system; a missing kubelet unit is noted but still tried,
    /// as kubeadm does.
    /// </summary>
    private static async Task<bool> IsUsableAsync(InitContext context, string noInitSystem, string noUnit, CancellationToken cancellationToken)
    {
        if (!context.ServiceManager.IsAvailable)
        {
            context.Out.WriteLine($"[kubelet-start] No supported init system detected, {noInitSystem}");
            return false;
        }

        bool exists;
        try
        {
            exists = (await context.ServiceManager.GetStatusAsync(Unit, cancellationToken).ConfigureAwait(false)).Exists;
        }
        catch (ServiceManagerUnavailableException)
        {
            context.Out.WriteLine($"[kubelet-start] No supported init system detected, {noInitSystem}");
            return false;
        }
        catch (ServiceManagerException)
        {
            exists = false;
        }

        if (!exists)
        {
            context.Out.WriteLine($"[kubelet-start] Couldn't detect a kubelet service, {noUnit}");
        }

        return true;
    }
}
