namespace Kubeadm.Core.Upgrade.Apply;

/// <summary>Where one component's upgrade stands; the state file keeps it between runs.</summary>
public enum ComponentUpgradeStatus
{
    /// <summary>Not reached yet.</summary>
    Pending,

    /// <summary>The new manifest is in place, the kubelet's restart not yet confirmed (an interrupted run leaves this).</summary>
    Written,

    /// <summary>The kubelet restarted it with the new manifest and it runs.</summary>
    Upgraded,

    /// <summary>Its manifest already was what the target version asks for.</summary>
    Unchanged,

    /// <summary>Left alone on purpose (etcd: --etcd-upgrade=false, external etcd, or no newer etcd needed).</summary>
    Skipped,

    /// <summary>It did not come back; the backed-up manifest (and certificates) were put back.</summary>
    RolledBack,
}
