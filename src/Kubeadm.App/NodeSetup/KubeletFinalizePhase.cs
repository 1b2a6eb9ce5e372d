using Kubeadm.App.Init;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;

namespace Kubeadm.App.NodeSetup;

/// <summary>
/// `kubeadm init phase kubelet-finalize enable-client-cert-rotation`: once the kubelet has a rotating client certificate
/// (kubelet-client-current.pem in its pki directory), point kubelet.conf's user at that file instead of the embedded
/// certificate, and restart the kubelet. Without the file there is nothing to do.
/// </summary>
public static class KubeletFinalizePhase
{
    public const string KubeletKubeconfigPath = KubeadmConstants.KubernetesDir + "/kubelet.conf";
    public const string CurrentClientCertificateFile = "kubelet-client-current.pem";

    public static async Task RunAsync(InitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await Security.ServingCertificateStep.ApproveOwnAsync(context, context.Config.Init.NodeRegistration.Name, cancellationToken).ConfigureAwait(false);
        var pemPath = $"{PkiDirectory(context).TrimEnd('/')}/{CurrentClientCertificateFile}";
        if (!context.FileSystem.FileExists(pemPath))
        {
            return;
        }

        context.Out.WriteLine($"[kubelet-finalize] Updating \"{KubeletKubeconfigPath}\" to point to a rotatable kubelet client certificate and key");
        if (context.DryRun && !context.IsPlan)
        {
            return;
        }

        PointUserAtRotatingCertificate(context.FileSystem, pemPath);
        await KubeletRestart.TryAsync(context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The kubelet's certificate directory: its cert-dir extra argument (the last one wins), else /var/lib/kubelet/pki.</summary>
    public static string PkiDirectory(InitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var certDir = context.Config.Init.NodeRegistration.KubeletExtraArgs.LastOrDefault(a => a.Name == "cert-dir");
        return certDir is not null ? certDir.Value : KubeadmConstants.KubeletDir + "/pki";
    }

    private static void PointUserAtRotatingCertificate(IFileSystem fileSystem, string pemPath)
    {
        const string path = KubeletKubeconfigPath;
        if (!fileSystem.FileExists(path))
        {
            throw new KubeadmUserException($"could not load \"{path}\": the file does not exist");
        }

        var kubeconfig = KubeconfigYamlReader.Read(fileSystem.ReadAllText(path), path);
        var contextName = kubeconfig.CurrentContext;
        if (string.IsNullOrEmpty(contextName))
        {
            throw new KubeadmUserException($"the current context is empty in \"{path}\"");
        }

        var current = kubeconfig.Contexts?.FirstOrDefault(c => c.Name == contextName)
            ?? throw new KubeadmUserException($"cannot find context \"{contextName}\" in \"{path}\"");
        var userName = current.ContextDetails?.User;
        if (string.IsNullOrEmpty(userName))
        {
            throw new KubeadmUserException($"the user of context \"{contextName}\" is empty in \"{path}\"");
        }

        var user = kubeconfig.Users?.FirstOrDefault(u => u.Name == userName)
            ?? throw new KubeadmUserException($"cannot find user \"{userName}\" in \"{path}\"");
        user.UserCredentials ??= new k8s.KubeConfigModels.UserCredentials();
        user.UserCredentials.ClientCertificateData = null;
        user.UserCredentials.ClientKeyData = null;
        user.UserCredentials.ClientCertificate = pemPath;
        user.UserCredentials.ClientKey = pemPath;
        fileSystem.WriteAllText(path, KubeconfigYamlWriter.Write(kubeconfig), FileModes.Private);
    }
}
