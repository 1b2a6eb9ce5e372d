using Kubeadm.Core.Constants;

namespace Kubeadm.Cli.Commands;

/// <summary>
/// Help texts that several commands share, written for this project. Flag names, value names and defaults are
/// kubeadm's; the sentences are ours.
/// </summary>
public static class FlagHelp
{
    public const string Config = "Read the settings from this kubeadm configuration file (YAML).";

    public const string DryRun = "Change nothing on this machine or in the cluster; print what would be done instead.";

    public const string CriSocket =
        "The container runtime's CRI socket (e.g. unix:///run/containerd/containerd.sock). When empty, the usual sockets on this machine are probed; set it if several runtimes are installed or the socket is somewhere else.";

    public const string NodeName = "The name this node registers under (default: the host name).";

    public const string IgnorePreflightErrors =
        "Names of pre-flight checks whose failures only print a warning, e.g. 'IsPrivilegedUser,Swap'; 'all' turns every failure into a warning.";

    public const string SkipPhases = "Phases not to run, named as in the phase list above; a sub-phase as 'parent/child'.";

    public const string TokenTtl = "How long the token stays valid (e.g. 1s, 2m, 3h); '0' means it never expires. (default 24h0m0s)";

    public const string CertificateKeyFormat = "64 hex digits (a 32-byte AES key)";

    public static readonly string KubeconfigAdmin =
        $"The kubeconfig used to reach the cluster. (default \"{KubeadmConstants.AdminKubeConfigFile}\")";

    /// <summary>--kubeconfig of commands that, unset, look in $KUBECONFIG and ~/.kube/config before admin.conf.</summary>
    public static readonly string KubeconfigSearched =
        "The kubeconfig used to reach the cluster. When not given, the first existing of $KUBECONFIG and $HOME/.kube/config is used, else "
        + $"the default. (default \"{KubeadmConstants.AdminKubeConfigFile}\")";

    public static readonly string ImageRepository =
        $"The registry (and path) the control-plane images are pulled from. (default \"{KubeadmConstants.DefaultImageRepository}\")";

    public static readonly string KubernetesVersion =
        $"The Kubernetes version of the control plane; release labels such as \"stable\" resolve to this kubeadm's own version. (default \"{KubeadmConstants.DefaultKubernetesVersionLabel}\")";

    public static readonly string CertDir = $"The directory holding the certificates and keys. (default \"{KubeadmConstants.DefaultCertificatesDir}\")";

    public static readonly string KubeconfigDir = $"The directory the kubeconfig files are written to. (default \"{KubeadmConstants.KubernetesDir}\")";

    /// <summary>--patches: a directory of patch files; <paramref name="targets"/> are the components that accept them.</summary>
    public static string Patches(params string[] targets) =>
        "A directory of patches applied to the generated manifests and configuration. Each file is named "
        + "\"<target>[suffix][+<patchtype>].<json|yaml>\", e.g. \"kube-apiserver0+merge.yaml\" or \"etcd.json\"; "
        + $"target is one of {string.Join(", ", targets.Select(t => $"\"{t}\""))}; patchtype is \"strategic\" (when left out), "
        + "\"merge\" or \"json\", as for kubectl patch; files for the same target apply in the alphabetical order of their suffix.";

    public static readonly string[] NodePatchTargets = ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd", "kubeletconfiguration"];

    /// <summary>A phase that only groups sub-phases.</summary>
    public const string GroupOnly = "It does nothing itself: run one of its sub-phases below.";

    /// <summary>The one-line help of a workflow's `phase` command.</summary>
    public static string PhaseCommand(string workflow) => $"Run one phase of \"{workflow}\" on its own";
}
