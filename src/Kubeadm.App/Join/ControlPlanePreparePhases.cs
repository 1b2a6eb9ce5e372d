using k8s.Models;
using Kubeadm.App.Certs;
using Kubeadm.App.ControlPlane;
using Kubeadm.App.Init;
using Kubeadm.App.KubeConfig;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Errors;
using Kubeadm.Core.UploadCerts;
using Kubeadm.Workflow;

namespace Kubeadm.App.Join;

/// <summary>
/// `control-plane-prepare`: on a control-plane join only, download the shared certificates (with --certificate-key),
/// then make this node's own certificates, kubeconfigs and control-plane manifests with init's code, from the
/// cluster's configuration and this node's endpoint. Workers skip every sub-phase silently.
/// </summary>
public static class ControlPlanePreparePhases
{
    private static readonly string[] JoinKubeconfigs = ["admin", "controller-manager", "scheduler"];

    public static async Task DownloadCertsAsync(JoinContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Join.ControlPlane is not { CertificateKey.Length: > 0 } controlPlane)
        {
            if (context.IsControlPlane && context.Options.Verbosity >= 1)
            {
                context.Out.WriteLine("[download-certs] Skipping certs download");
            }

            return;
        }

        var cluster = await context.ClusterAsync(cancellationToken).ConfigureAwait(false);
        context.Out.WriteLine($"[download-certs] Downloading the certificates in Secret \"{KubeadmCertsSecret.Name}\" in the \"{KubeadmCertsSecret.Namespace}\" Namespace");
        V1Secret? secret;
        try
        {
            secret = await cluster.BootstrapClient.GetAsync<V1Secret>(KubeadmCertsSecret.Namespace, KubeadmCertsSecret.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException e)
        {
            throw new KubeadmUserException($"error downloading the secret: {e.Message}", e);
        }

        if (secret is null)
        {
            throw new KubeadmUserException(
                $"Secret \"{KubeadmCertsSecret.Name}\" was not found in the \"{KubeadmCertsSecret.Namespace}\" Namespace. This Secret might have expired. " +
                "Please, run `kubeadm init phase upload-certs --upload-certs` on a control plane to generate a new one");
        }

        var files = DownloadedCertificates.Decrypt(secret.Data, controlPlane.CertificateKey, cluster.Node.Cluster);
        context.Out.WriteLine($"[download-certs] Saving the certificates to the folder: \"{cluster.Node.Cluster.CertificatesDir}\"");
        foreach (var file in files)
        {
            context.FileSystem.CreateDirectory(Path.GetDirectoryName(file.Path)!, Kubeadm.Core.Host.FileModes.Directory);
            context.FileSystem.WriteFile(file.Path, file.Content, file.Mode);
        }
    }

    public static Task CertsAsync(JoinContext context, CancellationToken cancellationToken) =>
        OnControlPlaneAsync(context, CertsPhases.RunParent, CertsPhases.Create(), cancellationToken);

    public static Task KubeconfigAsync(JoinContext context, CancellationToken cancellationToken) =>
        OnControlPlaneAsync(context, async (node, ct) =>
        {
            node.Out.WriteLine("[kubeconfig] Generating kubeconfig files");
            await KubeconfigPhases.AnnounceFolder(node, ct).ConfigureAwait(false);
        }, [.. KubeconfigPhases.Create().Where(p => JoinKubeconfigs.Contains(p.Name))], cancellationToken);

    public static Task ControlPlaneAsync(JoinContext context, CancellationToken cancellationToken) =>
        OnControlPlaneAsync(context, StaticPodPhases.RunControlPlaneParent, StaticPodPhases.CreateControlPlane(), cancellationToken);

    /// <summary>Runs init phases (a parent's own step, then its leaves) over this node's configuration, control planes only.</summary>
    internal static async Task OnControlPlaneAsync(
        JoinContext context, Func<InitContext, CancellationToken, Task> parent, IEnumerable<Phase<InitContext>> leaves, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsControlPlane)
        {
            return;
        }

        var node = await context.NodeAsync(cancellationToken).ConfigureAwait(false);
        await parent(node, cancellationToken).ConfigureAwait(false);
        foreach (var leaf in leaves)
        {
            if (leaf.Run is { } run && (leaf.RunIf?.Invoke(node) ?? true))
            {
                await run(node, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
