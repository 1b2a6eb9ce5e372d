using System.Collections.Immutable;
using Kubeadm.App.Init;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Workflow;

namespace Kubeadm.App.KubeConfig;

/// <summary>The sub-phases of `kubeadm init phase kubeconfig`, in kubeadm's order.</summary>
public static class KubeconfigPhases
{
    public static ImmutableArray<Phase<InitContext>> Create() => [.. KubeconfigCatalogue.All.Select(Leaf)];

    /// <summary>The parent phase's own work, run before its sub-phases (for `all` and a full init, not for one sub-phase).</summary>
    public static Task AnnounceFolder(InitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Out.WriteLine($"[kubeconfig] Using kubeconfig folder \"{KubeconfigFolder.Announced(context)}\"");
        KubeconfigFilePhase.PrestartKeys(context);
        return Task.CompletedTask;
    }

    private static Phase<InitContext> Leaf(KubeconfigFileSpec file) => new()
    {
        Name = file.PhaseName,
        Short = file.ShortHelp,
        Long = file.LongHelp,
        InheritFlags = [.. (file.UserIsPerNode ? [.. InitPhaseTree.KubeconfigFlags, "node-name"] : InitPhaseTree.KubeconfigFlags)
            .Order(StringComparer.Ordinal)],
        Run = (context, _) =>
        {
            KubeconfigFilePhase.Run(context, file);
            return Task.CompletedTask;
        },
    };
}
