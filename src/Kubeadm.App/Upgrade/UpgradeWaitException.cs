namespace Kubeadm.App.Upgrade;

/// <summary>A component did not come back within the upgrade's manifest timeout (the cause of a rollback).</summary>
public sealed class UpgradeWaitException : Exception
{
    public UpgradeWaitException(string message)
        : base(message)
    {
    }

    public UpgradeWaitException()
    {
    }

    public UpgradeWaitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
