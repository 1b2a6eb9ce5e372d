using Kubeadm.Core.Errors;

namespace Kubeadm.App.Init;

/// <summary>
/// A phase this build registers (so help, --skip-phases and filters know it) but cannot perform yet.
/// It fails loudly instead of pretending to succeed.
/// </summary>
public sealed class CapabilityUnavailableException : KubeadmUserException
{
    public CapabilityUnavailableException(string capability, string trackedBy)
        : base($"this build of kubeadm cannot run this phase yet: {capability} is not implemented (tracked by the issue \"{trackedBy}\")")
    {
        Capability = capability;
    }

    public CapabilityUnavailableException(string capability)
        : this(capability, "unknown")
    {
    }

    public CapabilityUnavailableException()
        : this("this capability")
    {
    }

    public CapabilityUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Capability = message;
    }

    public string Capability { get; } = "";
}
