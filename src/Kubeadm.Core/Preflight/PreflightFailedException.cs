using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Preflight;

/// <summary>Preflight found fatal errors; they were already printed, so the message is kubeadm's short one.</summary>
public sealed class PreflightFailedException : KubeadmUserException
{
    public const string DefaultMessage = "preflight checks failed";

    public PreflightFailedException()
        : base(DefaultMessage)
    {
    }

    public PreflightFailedException(string message)
        : base(message)
    {
    }

    public PreflightFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
