using Kubeadm.App.Init;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Host;

namespace Kubeadm.App.KubeConfig;

/// <summary>Where the kubeconfig files go: --kubeconfig-dir, else /etc/kubernetes.</summary>
public static class KubeconfigFolder
{
    public static string Of(InitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.Options);
    }

    public static string Of(InitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = options.KubeconfigDir;
        if (string.IsNullOrEmpty(directory))
        {
            return KubeadmConstants.KubernetesDir;
        }

        return CommandLinePath.Absolute(directory);
    }

    /// <summary>The folder as the header names it: in --dry-run, the dry-run directory (kubeadm prints its temp dir).</summary>
    public static string Announced(InitContext context) => context.ShownPath(Of(context));

    public static string PathOf(string folder, string fileName)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return folder.TrimEnd('/') + "/" + fileName;
    }
}
