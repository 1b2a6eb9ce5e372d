using System.Collections.Immutable;
using Kubeadm.App.Init;
using Kubeadm.Workflow;

namespace Kubeadm.App.ClusterPhases;

/// <summary>wait-control-plane, upload-config and upload-certs.</summary>
public static class ControlPlaneStatePhases
{
    public static Phase<InitContext> CreateWaitControlPlane() =>
        InitPhaseTree.Leaf("wait-control-plane", "Wait until the kubelet and the control-plane components answer as healthy", ["config", "dry-run"], WaitControlPlanePhase.RunAsync);

    public static ImmutableArray<Phase<InitContext>> CreateUploadConfig() =>
    [
        InitPhaseTree.Leaf("kubeadm", "Store the ClusterConfiguration in the kubeadm-config ConfigMap", InitPhaseTree.ClusterApiFlags, UploadConfigPhase.RunKubeadmAsync),
        InitPhaseTree.Leaf("kubelet", "Store the KubeletConfiguration in the kubelet-config ConfigMap", InitPhaseTree.ClusterApiFlags, UploadConfigPhase.RunKubeletAsync),
    ];

    public static Phase<InitContext> CreateUploadCerts() =>
        InitPhaseTree.Leaf("upload-certs", "With --upload-certs, store the shared control-plane certificates, encrypted, in the kubeadm-certs Secret",
            [.. InitPhaseTree.ClusterApiFlags, "certificate-key", "skip-certificate-key-print", "upload-certs"], UploadCertsPhase.RunAsync) with
        {
            RunIf = ctx => InitPhaseTree.SkipUnless(ctx, ctx.Options.UploadCerts, "[upload-certs] Skipping phase. Please see --upload-certs"),
        };
}
