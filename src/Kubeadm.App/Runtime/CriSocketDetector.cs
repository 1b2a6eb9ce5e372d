using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Runtime;

/// <summary>kubeadm's CRI socket detection: the one known socket present on the host, the containerd default when none is.</summary>
public static class CriSocketDetector
{
    public static string Detect(IFileSystem fileSystem)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        var found = KubeadmConstants.KnownCriSockets
            .Where(socket => fileSystem.FileExists(socket["unix://".Length..]))
            .ToList();
        return found.Count switch
        {
            0 => KubeadmConstants.DefaultCriSocket,
            1 => found[0],
            _ => throw new KubeadmUserException(
                "found multiple CRI endpoints on the host. Please define which one do you wish to use by setting " +
                $"the 'criSocket' field in the kubeadm configuration file (or --cri-socket): {string.Join(", ", found)}"),
        };
    }
}
