using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Host;

/// <summary>The init system refused or failed a request (the message carries its error output).</summary>
public class ServiceManagerException : KubeadmUserException
{
    /// <summary>Creates the exception with one message.</summary>
    public ServiceManagerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public ServiceManagerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the other constructors.</summary>
    public ServiceManagerException()
    {
    }
}
