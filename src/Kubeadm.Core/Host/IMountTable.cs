namespace Kubeadm.Core.Host;

/// <summary>The host's mounts as kubeadm reset sees them: mount points (host paths, under --rootfs) and umount2.</summary>
public interface IMountTable
{
    /// <summary>Every mount point strictly under <paramref name="directory"/>, in /proc/mounts order.</summary>
    IReadOnlyList<string> MountPointsUnder(string directory);

    /// <summary>umount2(mountPoint, flags); throws <see cref="IOException"/> with the errno text on failure.</summary>
    void Unmount(string mountPoint, int flags);
}
