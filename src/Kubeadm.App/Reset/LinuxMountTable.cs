using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Reset;

/// <summary>
/// The real host's mounts: /proc/mounts of this process (not of --rootfs, which has no /proc) with the rootfs
/// prefix taken off, and umount2 on the real path.
/// </summary>
public sealed class LinuxMountTable(string rootfs) : IMountTable
{
    private readonly string _rootfs = rootfs.TrimEnd('/');

    public IReadOnlyList<string> MountPointsUnder(string directory)
    {
        var real = KubeletMounts.Parse(File.ReadAllText(KubeletMounts.MountsFile), _rootfs + directory);
        return [.. real.Select(path => path[_rootfs.Length..])];
    }

    public void Unmount(string mountPoint, int flags)
    {
        var path = Encoding.UTF8.GetBytes(_rootfs + mountPoint + "\0");
        if (Umount2(path, flags) != 0)
        {
            throw new IOException(new Win32Exception(Marshal.GetLastPInvokeError()).Message);
        }
    }

    [DllImport("libc", EntryPoint = "umount2", SetLastError = true)]
    private static extern int Umount2(byte[] target, int flags);
}
