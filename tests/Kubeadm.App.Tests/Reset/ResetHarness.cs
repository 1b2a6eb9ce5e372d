using Kubeadm.App.EtcdApi;
using Kubeadm.App.Init;
using Kubeadm.App.Reset;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.EtcdApi;
using Kubeadm.Core.Host;
using Kubeadm.Core.Runtime;
using Kubeadm.Workflow;

namespace Kubeadm.App.Tests.Reset;

/// <summary>Runs the reset workflow over an in-memory host that looks like a node after `kubeadm init`.</summary>
public sealed class ResetHarness
{
    public const string EtcdManifest = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: etcd
          namespace: kube-system
        spec:
          containers:
          - command:
            - etcd
            - --advertise-client-urls=https://10.0.0.1:2379
            - --data-dir=/var/lib/etcd
            - --initial-advertise-peer-urls=https://10.0.0.1:2380
            - --name=cp-1
            image: registry.k8s.io/etcd:3.6.4-0
            name: etcd
          volumes:
          - hostPath:
              path: /etc/kubernetes/pki/etcd
              type: DirectoryOrCreate
            name: etcd-certs
          - hostPath:
              path: /var/lib/etcd
              type: DirectoryOrCreate
            name: etcd-data
        """;

    public static readonly string[] InitFiles =
    [
        "/etc/kubernetes/admin.conf", "/etc/kubernetes/super-admin.conf", "/etc/kubernetes/kubelet.conf",
        "/etc/kubernetes/controller-manager.conf", "/etc/kubernetes/scheduler.conf",
        "/etc/kubernetes/manifests/kube-apiserver.yaml", "/etc/kubernetes/manifests/kube-controller-manager.yaml",
        "/etc/kubernetes/manifests/kube-scheduler.yaml",
        "/etc/kubernetes/pki/ca.crt", "/etc/kubernetes/pki/ca.key", "/etc/kubernetes/pki/etcd/ca.crt",
        "/etc/kubernetes/tmp/kubeadm-init-dryrun1/admin.conf",
        "/var/lib/kubelet/config.yaml", "/var/lib/kubelet/kubeadm-flags.env", "/var/lib/kubelet/instance-config.yaml",
        "/var/lib/kubelet/pki/kubelet.crt", "/var/lib/etcd/member/snap/db",
    ];

    private readonly Queue<string> _answers = new();

    public InMemoryFileSystem FileSystem { get; } = new();

    public RecordingServiceManager Services { get; } = new();

    public InMemoryClusterApi? Cluster { get; set; }

    /// <summary>The etcd cluster this node's member belongs to: by default this node's member alone.</summary>
    public InMemoryEtcdApi Etcd { get; } = new InMemoryEtcdApi().WithMember("cp-1", LocalPeerUrl, LocalClientUrl);

    public const string LocalClientUrl = "https://10.0.0.1:2379";
    public const string LocalPeerUrl = "https://10.0.0.1:2380";

    /// <summary>The etcd client requests reset made (endpoints and timeout).</summary>
    public List<EtcdClientRequest> EtcdRequests { get; } = [];

    public bool IsRoot { get; set; } = true;

    public Dictionary<string, string> UserFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>The node's container runtime (ready, nothing running until a test adds sandboxes).</summary>
    public InMemoryContainerRuntime Runtime { get; } = new();

    /// <summary>Replaces the mount table read from the in-memory /proc/mounts.</summary>
    public IMountTable? Mounts { get; set; }

    public StringWriter Out { get; } = new();

    public StringWriter Err { get; } = new();

    /// <summary>The files and directories `kubeadm init` leaves (admin.conf holds no usable kubeconfig).</summary>
    public ResetHarness WithInitState()
    {
        foreach (var file in InitFiles)
        {
            FileSystem.WriteAllText(file, "content\n", FileModes.Private);
        }

        FileSystem.WriteAllText("/etc/kubernetes/manifests/etcd.yaml", EtcdManifest, FileModes.Private);
        FileSystem.WriteAllText("/etc/cni/net.d/10-bridge.conflist", "{}\n", FileModes.Private);
        FileSystem.WriteAllText("/etc/kubernetes/mine.txt", "kept\n", FileModes.Private);
        FileSystem.WriteAllText("/proc/mounts", "proc /proc proc rw 0 0\n/dev/sda1 / ext4 rw 0 0\n", FileModes.Private);
        return this;
    }

    public ResetHarness Answer(string line)
    {
        _answers.Enqueue(line);
        return this;
    }

    public IReadOnlyList<string> Files => FileSystem.ListAllFiles();

    public async Task<ResetContext> RunAsync(ResetOptions options, string? phase = null)
    {
        var environment = new InitEnvironment
        {
            Out = Out,
            Err = Err,
            FileSystemFor = _ => FileSystem,
            HostInfoFor = _ => new FixedHostInfo("cp-1"),
            ServiceManager = () => Services,
            ReadLine = () => _answers.Count > 0 ? _answers.Dequeue() : null,
            ReadUserFile = path => UserFiles.TryGetValue(path, out var text)
                ? System.Text.Encoding.UTF8.GetBytes(text)
                : throw new FileNotFoundException($"open {path}: no such file or directory"),
            ClusterClientFor = Cluster is null ? null : (_, _) => Cluster,
            EtcdClientFor = request =>
            {
                EtcdRequests.Add(request);

                // One try per call: the retries themselves are EtcdCluster's unit tests.
                var settings = new EtcdClientSettings(request.Endpoints, EtcdTlsFiles.ForCertificatesDir(request.CertificatesDir)) { Timeout = TimeSpan.Zero };
                return new EtcdCluster(Etcd, settings, TimeProvider.System, request.Progress);
            },
            ContainerRuntimeFor = (_, _) => Runtime,
            MountTableFor = fileSystem => Mounts ?? new FileMountTable(fileSystem),
        };
        var context = await new ResetContextFactory(environment, () => IsRoot).CreateAsync(options, CancellationToken.None);
        var runner = new PhaseRunner<ResetContext>(ResetPhaseTree.Create(), () => context);
        var selection = phase is null ? runner.Select([], context.SkipPhases) : runner.Select([phase], []);
        await runner.RunAsync(selection);
        if (phase is null)
        {
            await Out.WriteAsync(ResetPhaseTree.ManualCleanupInstructions);
        }

        return context;
    }
}
