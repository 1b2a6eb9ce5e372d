using Kubeadm.Core.Host;

namespace Kubeadm.App.Upgrade;

/// <summary>Copies a directory tree file by file with each file's mode (kubeadm's CopyDir of the etcd data directory).</summary>
public static class EtcdDataBackup
{
    public static void CopyDirectory(IFileSystem fileSystem, string from, string to)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        fileSystem.CreateDirectory(to, FileModes.PrivateDirectory);
        foreach (var entry in fileSystem.ListDirectory(from))
        {
            var target = $"{to.TrimEnd('/')}/{entry[(entry.LastIndexOf('/') + 1)..]}";
            if (fileSystem.DirectoryExists(entry))
            {
                CopyDirectory(fileSystem, entry, target);
            }
            else
            {
                fileSystem.WriteFile(target, fileSystem.ReadAllBytes(entry), fileSystem.GetMode(entry));
            }
        }
    }
}
