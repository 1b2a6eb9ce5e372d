using Kubeadm.App.Certs;
using Kubeadm.App.KubeConfig;
using Kubeadm.Workflow;

namespace Kubeadm.App.Init;

/// <summary>
/// Starts, as soon as a run's configuration is loaded, every private key its selected phases will generate, so they
/// are made in the background while preflight (and the rest of the start-up) runs, and the certs and kubeconfig
/// phases only sign. Keys are queued in the order the phases take them; a phase that is not selected gets none.
/// </summary>
public static class InitKeys
{
    public static void StartFor(InitContext context, PhaseSelection selection)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(selection);
        context.Pki.StartKeys(CertsPhaseActions.KeyGroup,
            CertsPhaseActions.KeysToGenerate(context, name => selection.IsSelected("certs/" + name)));
        context.Pki.StartKeys(KubeconfigFilePhase.KeyGroup,
            KubeconfigFilePhase.KeysToGenerate(context, name => selection.IsSelected("kubeconfig/" + name)));
    }
}
