namespace Kubeadm.Core.Constants;

/// <summary>
/// The Kubernetes release this build of kubeadm corresponds to, and the component versions kubeadm pins for it.
/// `stable`/`stable-1` labels resolve to <see cref="Current"/> offline (we never look labels up on the network).
/// </summary>
public static class KubeadmVersion
{
    /// <summary>The kubeadm (and default Kubernetes) version, "v1.34.2".</summary>
    public const string Current = "v1.34.2";

    public const int Major = 1;

    public const int Minor = 34;

    public const int Patch = 2;

    /// <summary>Git commit the version is reported with; this is a re-implementation, so none.</summary>
    public const string GitCommit = "";

    /// <summary>The lowest control-plane minor this kubeadm deploys (kubeadm minor − 1).</summary>
    public const int MinimumControlPlaneMinor = Minor - 1;

    /// <summary>The lowest kubelet minor this kubeadm works with (kubeadm minor − 3).</summary>
    public const int MinimumKubeletMinor = Minor - 3;
}
