namespace Kubeadm.Core.Host;

/// <summary>The host has no usable init system (for systemd: no <c>systemctl</c> executable).</summary>
public sealed class ServiceManagerUnavailableException : ServiceManagerException
{
    /// <summary>Creates the exception with one message.</summary>
    public ServiceManagerUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public ServiceManagerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the other constructors.</summary>
    public ServiceManagerUnavailableException()
    {
    }
}
