namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>What <see cref="ProcessKubelet"/> starts, from where, and how long it waits.</summary>
internal sealed record ProcessKubeletOptions
{
    /// <summary>The --rootfs our phases wrote to: manifests in etc/kubernetes/manifests, PKI, kubeconfigs, etcd data.</summary>
    public required string Rootfs { get; init; }

    /// <summary>Where component logs and rewritten kubeconfig copies go (the test's temp dir). Created if missing.</summary>
    public required string WorkDir { get; init; }

    /// <summary>The Node the "kubelet" registers (kubeadm's --node-name / nodeRegistration.name).</summary>
    public required string NodeName { get; init; }

    /// <summary>Directory with kube-apiserver, kube-controller-manager and kube-scheduler.</summary>
    public string BinDir { get; init; } = K8sTestBinaries.BinDir;

    public string EtcdBinary { get; init; } = K8sTestBinaries.EtcdBinary;

    /// <summary>
    /// Static pods to run, in start order, named as the manifests (etcd, kube-apiserver, kube-controller-manager,
    /// kube-scheduler). etcd and kube-apiserver are needed by everything after them.
    /// </summary>
    public IReadOnlyList<string> Components { get; init; } = ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"];

    /// <summary>Register the Node object as the kubelet would, once the API server is ready.</summary>
    public bool RegisterNode { get; init; } = true;

    /// <summary>Per component: how long to wait for its health endpoint before giving up (1.20 apiserver: ~10-30 s on 2 cores).</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// How long to wait for each component's manifest to appear (and parse) before starting it: the manifest-watching
    /// mode, where the kubelet runs beside `kubeadm init` as a real one would. Zero (the default): the manifest must
    /// already exist.
    /// </summary>
    public TimeSpan ManifestWait { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Secure ports to run components on regardless of their manifest (by manifest name, e.g. kube-scheduler), for a
    /// test that puts something else (a health proxy) on the manifest's port.
    /// </summary>
    public IReadOnlyDictionary<string, int> SecurePorts { get; init; } = new Dictionary<string, int>();
}
