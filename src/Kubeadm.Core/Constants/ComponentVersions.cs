namespace Kubeadm.Core.Constants;

/// <summary>Image tags kubeadm pins per Kubernetes minor for components not built by the Kubernetes release.</summary>
public static class ComponentVersions
{
    /// <summary>etcd image tag by Kubernetes minor; an unknown minor falls back to the nearest entry, with a warning.</summary>
    public static readonly IReadOnlyDictionary<int, string> EtcdByMinor = new SortedDictionary<int, string>
    {
        [31] = "3.5.24-0",
        [32] = "3.5.24-0",
        [33] = "3.5.24-0",
        [34] = "3.6.5-0",
    };

    public const string CoreDns = "v1.12.1";

    public const string Pause = "3.10.1";
}
