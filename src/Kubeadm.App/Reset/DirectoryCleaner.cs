using Kubeadm.Core.Host;

namespace Kubeadm.App.Reset;

/// <summary>kubeadm's CleanDir: removes everything inside a directory but keeps the directory; a missing one is fine.</summary>
public static class DirectoryCleaner
{
    public static void CleanContents(IFileSystem fileSystem, string directory)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        if (!fileSystem.DirectoryExists(directory))
        {
            if (fileSystem.FileExists(directory))
            {
                throw new IOException($"readdirent {directory}: not a directory");
            }

            return;
        }

        foreach (var entry in fileSystem.ListDirectory(directory))
        {
            if (fileSystem.DirectoryExists(entry))
            {
                fileSystem.DeleteDirectory(entry, recursive: true);
            }
            else
            {
                fileSystem.DeleteFile(entry);
            }
        }
    }

    /// <summary>
    /// True only for an existing directory without entries: kubeadm's check treats a missing directory as not empty,
    /// so it still reports having cleaned the etcd data directory on nodes that never had one.
    /// </summary>
    public static bool IsExistingAndEmpty(IFileSystem fileSystem, string directory)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        return fileSystem.DirectoryExists(directory) && fileSystem.ListDirectory(directory).Count == 0;
    }
}
