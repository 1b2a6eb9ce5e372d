using Kubeadm.Core.Host;

namespace Kubeadm.App.Reset;

/// <summary>
/// Mounts read from "/proc/mounts" in a file system that is not the real host (an in-memory one): unmounting removes
/// the line, so what reset did can be checked.
/// </summary>
public sealed class FileMountTable(IFileSystem fileSystem) : IMountTable
{
    public IReadOnlyList<string> MountPointsUnder(string directory) =>
        KubeletMounts.Parse(fileSystem.ReadAllText(KubeletMounts.MountsFile), directory);

    public void Unmount(string mountPoint, int flags)
    {
        var lines = fileSystem.ReadAllText(KubeletMounts.MountsFile).Split('\n');
        var kept = lines.Where(line => line.Split(' ') is not [_, var point, ..] || KubeletMounts.Unescape(point) != mountPoint).ToList();
        if (kept.Count == lines.Length)
        {
            throw new IOException("invalid argument");
        }

        fileSystem.WriteAllText(KubeletMounts.MountsFile, string.Join('\n', kept), FileModes.Private);
    }
}
