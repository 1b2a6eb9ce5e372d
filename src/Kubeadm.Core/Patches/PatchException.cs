using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Patches;

/// <summary>A patch file that cannot be read or a patch that cannot be applied; the message names the file.</summary>
public sealed class PatchException : KubeadmUserException
{
    /// <summary>Creates the exception with one message.</summary>
    public PatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public PatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the other constructors.</summary>
    public PatchException()
    {
    }
}
