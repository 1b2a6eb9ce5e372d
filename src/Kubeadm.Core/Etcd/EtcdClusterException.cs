using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Etcd;

/// <summary>An etcd operation failed for good (after kubeadm's retries); the message says what, where and what to do.</summary>
public sealed class EtcdClusterException : KubeadmUserException
{
    public EtcdClusterException(EtcdFailure failure, string message, Exception? innerException = null)
        : base(message, innerException ?? new EtcdCallException(failure, "", message))
    {
        Failure = failure;
    }

    public EtcdClusterException()
        : this(EtcdFailure.Rejected, "etcd operation failed")
    {
    }

    public EtcdClusterException(string message)
        : this(EtcdFailure.Rejected, message)
    {
    }

    public EtcdClusterException(string message, Exception innerException)
        : this(EtcdFailure.Rejected, message, innerException)
    {
    }

    /// <summary>Unreachable, TlsRejected, NoQuorum ...: what kind of failure ended the operation.</summary>
    public EtcdFailure Failure { get; }
}
