using k8s.KubeConfigModels;
using Kubeadm.App.Init;
using Kubeadm.App.KubeConfig;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;

namespace Kubeadm.App.NodeSetup;

/// <summary>The admin kubeconfig a run talks to the cluster with (--kubeconfig, default /etc/kubernetes/admin.conf).</summary>
public static class AdminKubeconfig
{
    public static string PathOf(InitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Options.KubeconfigPath is { Length: > 0 } path ? CommandLinePath.Absolute(path) : KubeadmConstants.AdminKubeConfigFile;
    }

    /// <summary>The path kubeadm shows the user: in --dry-run, the copy in the dry-run directory.</summary>
    public static string DisplayPathOf(InitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.DryRun
            ? context.ShownPath(KubeconfigFolder.PathOf(KubeconfigFolder.Of(context), KubeconfigCatalogue.Admin.FileName))
            : PathOf(context);
    }

    public static K8SConfiguration Read(IFileSystem fileSystem, string path)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        if (!fileSystem.FileExists(path))
        {
            throw new KubeadmUserException(
                $"failed to load admin kubeconfig: the file \"{path}\" does not exist; run 'kubeadm init phase kubeconfig admin' first");
        }

        return KubeconfigYamlReader.Read(fileSystem.ReadAllText(path), path);
    }
}
