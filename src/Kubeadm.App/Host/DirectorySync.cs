using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;

namespace Kubeadm.App.Host;

/// <summary>
/// Flushes a directory's entries to disk so a rename inside it survives a crash. .NET cannot open a directory as a
/// file handle, hence the direct libc calls (plain blittable signatures, so no marshalling code and no unsafe blocks).
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000;

    /// <summary>fsync(2) the directory; a no-op off Linux.</summary>
    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var nulTerminatedPath = Encoding.UTF8.GetBytes(directory + "\0");
        var descriptor = Open(nulTerminatedPath, ReadOnly | CloseOnExec);
        if (descriptor < 0)
        {
            throw new IOException($"cannot open directory \"{directory}\" to flush it", new Win32Exception(Marshal.GetLastPInvokeError()));
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"cannot flush directory \"{directory}\"", new Win32Exception(Marshal.GetLastPInvokeError()));
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int descriptor);
}
