namespace Kubeadm.Core.Errors;

/// <summary>
/// An error caused by the user's input or host state (bad flag, bad config, missing file) rather than by a bug.
/// The CLI prints its message alone, without a stack trace (unless -v=5 or higher), and exits with code 1.
/// </summary>
public class KubeadmUserException : Exception
{
    /// <summary>Creates the exception with one message.</summary>
    public KubeadmUserException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public KubeadmUserException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the other constructors.</summary>
    public KubeadmUserException()
    {
    }
}
