using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Join;

/// <summary>Discovery could not establish trust in the cluster; the message says which check failed.</summary>
public sealed class DiscoveryException : KubeadmUserException
{
    public DiscoveryException(string message)
        : base(message)
    {
    }

    public DiscoveryException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
