namespace Kubeadm.Core.Etcd;

/// <summary>One etcd call to one endpoint failed; <see cref="Failure"/> says how.</summary>
public sealed class EtcdCallException : Exception
{
    public EtcdCallException(EtcdFailure failure, string endpoint, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Endpoint = endpoint;
    }

    public EtcdCallException()
        : this(EtcdFailure.Rejected, "", "etcd call failed")
    {
    }

    public EtcdCallException(string message)
        : this(EtcdFailure.Rejected, "", message)
    {
    }

    public EtcdCallException(string message, Exception innerException)
        : this(EtcdFailure.Rejected, "", message, innerException)
    {
    }

    public EtcdFailure Failure { get; }

    /// <summary>The client URL that was called.</summary>
    public string Endpoint { get; }

    /// <summary>Whether another try, later or on another endpoint, may succeed.</summary>
    public bool IsTransient => Failure is EtcdFailure.Unreachable or EtcdFailure.NoQuorum or EtcdFailure.LearnerNotReady;
}
