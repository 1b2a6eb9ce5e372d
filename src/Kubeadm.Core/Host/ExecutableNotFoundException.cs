namespace Kubeadm.Core.Host;

/// <summary>An executable kubeadm needs could not be found or started.</summary>
public sealed class ExecutableNotFoundException : Exception
{
    /// <summary>Creates the exception with one message.</summary>
    public ExecutableNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public ExecutableNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the other constructors.</summary>
    public ExecutableNotFoundException()
    {
    }
}
