using System.Collections.Immutable;
using Kubeadm.App.Init;
using Kubeadm.Workflow;

namespace Kubeadm.App.ClusterPhases;

/// <summary>wait-control-plane, upload-config and upload-certs.</summary>
public static class ControlPlaneStatePhases
{
    public static Phase<InitContext> CreateWaitControlPlane() =>
        InitPhaseTree.Leaf("wait-control-plane", "Wait for the control plane to start", ["config", "dry-run"], WaitControlPlanePhase.RunAsync);

    public static ImmutableArray<Phase<InitContext>> CreateUploadConfig() =>
    [
        InitPhaseTree.Leaf("kubeadm", "Upload the kubeadm ClusterConfiguration to a ConfigMap", InitPhaseTree.ClusterApiFlags, UploadConfigPhase.RunKubeadmAsync),
        InitPhaseTree.Leaf("kubelet", "Upload the kubelet component config to a ConfigMap", InitPhaseTree.ClusterApiFlags, UploadConfigPhase.RunKubeletAsync),
    ];

    public static Phase<InitContext> CreateUploadCerts() =>
        InitPhaseTree.Leaf("upload-certs", "Upload certificates to kubeadm-certs",
            [.. InitPhaseTree.ClusterApiFlags, "certificate-key", "skip-certificate-key-print", "upload-certs"], UploadCertsPhase.RunAsync) with
        {
            RunIf = ctx => InitPhaseTree.SkipUnless(ctx, ctx.Options.UploadCerts, "[upload-certs] Skipping phase. Please see --upload-certs"),
        };
}
