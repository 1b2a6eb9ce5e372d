using System.Runtime.InteropServices;

namespace Kubeadm.App.Tests.Host;

/// <summary>Sets the process umask for the life of the scope (process-wide, so only used in the serial collection).</summary>
public sealed class ProcessUmask : IDisposable
{
    private readonly uint _previous;

    public ProcessUmask(uint mask)
    {
        _previous = Umask(mask);
    }

    public void Dispose() => _ = Umask(_previous);

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
}
