using k8s.Models;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Images;

namespace Kubeadm.Core.ControlPlane;

/// <summary>The local etcd static pod, as `kubeadm init phase etcd local` writes it (single-member initial cluster).</summary>
public static class EtcdPodBuilder
{
    public const string AdvertiseClientUrlsAnnotation = "kubeadm.kubernetes.io/etcd.advertise-client-urls";
    private const string DataVolume = "etcd-data";
    private const string CertsVolume = "etcd-certs";

    /// <param name="config">The node's configuration.</param>
    /// <param name="warn">Receives image warnings.</param>
    /// <param name="existingCluster">
    /// A join: every member (name, peer URL) the member add returned, this node included; the manifest then lists them
    /// all in --initial-cluster and adds --initial-cluster-state=existing.
    /// </param>
    public static V1Pod Build(KubeadmConfig config, Action<string>? warn = null, IReadOnlyList<(string Name, string PeerUrl)>? existingCluster = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var cluster = config.Cluster;
        var local = cluster.Etcd.Local ?? throw new InvalidOperationException("etcd static pod manifest cannot be generated for cluster using external etcd");
        var advertise = config.Init.LocalApiEndpoint.AdvertiseAddress;
        var dataDir = local.DataDir.Length > 0 ? local.DataDir : KubeadmConstants.DefaultEtcdDataDir;
        var certsDir = cluster.CertificatesDir + "/etcd";
        var probe = EtcdProbeEndpoint.For(local, HostPort.IsIPv6(advertise));
        var timeout = config.Init.Timeouts.ControlPlaneComponentHealthCheck ?? KubeadmConstants.ControlPlaneComponentHealthCheckTimeout;

        var container = new V1Container
        {
            Name = ComponentNames.Etcd,
            Command = [ComponentNames.Etcd, .. ArgumentList.ToCommand(DefaultArguments(config, dataDir, existingCluster), local.ExtraArgs)],
            Image = ControlPlaneImages.Etcd(cluster, warn),
            Ports = [PodProbes.Port(probe.Port)],
            VolumeMounts =
            [
                HostPathVolumes.Mount(DataVolume, dataDir, readOnly: false),
                HostPathVolumes.Mount(CertsVolume, certsDir, readOnly: false),
            ],
            Resources = ComponentPod.Requests("100m", "100Mi"),
            LivenessProbe = PodProbes.Liveness(probe.Host, "/livez", probe.Scheme),
            ReadinessProbe = PodProbes.Readiness(probe.Host, "/readyz", probe.Scheme),
            StartupProbe = PodProbes.Startup(probe.Host, "/readyz", probe.Scheme, timeout),
            Env = ContainerEnvironment.ToModel(ProxyEnvironment.Merge(local.ExtraEnvs)),
        };
        var volumes = new[]
        {
            HostPathVolumes.Volume(DataVolume, dataDir, HostPathVolumes.DirectoryOrCreate),
            HostPathVolumes.Volume(CertsVolume, certsDir, HostPathVolumes.DirectoryOrCreate),
        };
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [AdvertiseClientUrlsAnnotation] = ClientUrl(advertise) };
        return ComponentPod.Create(container, volumes, annotations);
    }

    /// <summary>`https://&lt;advertise&gt;:2379`.</summary>
    public static string ClientUrl(string address) => "https://" + HostPort.Join(address, KubeadmConstants.EtcdClientPort);

    /// <summary>`https://&lt;advertise&gt;:2380`.</summary>
    public static string PeerUrl(string address) => "https://" + HostPort.Join(address, KubeadmConstants.EtcdPeerPort);

    private static List<Arg> DefaultArguments(KubeadmConfig config, string dataDir, IReadOnlyList<(string Name, string PeerUrl)>? existingCluster)
    {
        var certs = config.Cluster.CertificatesDir;
        var advertise = config.Init.LocalApiEndpoint.AdvertiseAddress;
        var loopback = HostPort.LoopbackFor(advertise);
        var nodeName = config.Init.NodeRegistration.Name;
        List<Arg> arguments =
        [
            new("name", nodeName),
            new("feature-gates", "InitialCorruptCheck=true"),
            new("listen-client-urls", $"{ClientUrl(loopback)},{ClientUrl(advertise)}"),
            new("advertise-client-urls", ClientUrl(advertise)),
            new("listen-peer-urls", PeerUrl(advertise)),
            new("initial-advertise-peer-urls", PeerUrl(advertise)),
            new("data-dir", dataDir),
            new("cert-file", ConfigPaths.Join(certs, "etcd/server.crt")),
            new("key-file", ConfigPaths.Join(certs, "etcd/server.key")),
            new("trusted-ca-file", ConfigPaths.Join(certs, "etcd/ca.crt")),
            new("client-cert-auth", "true"),
            new("peer-cert-file", ConfigPaths.Join(certs, "etcd/peer.crt")),
            new("peer-key-file", ConfigPaths.Join(certs, "etcd/peer.key")),
            new("peer-trusted-ca-file", ConfigPaths.Join(certs, "etcd/ca.crt")),
            new("peer-client-cert-auth", "true"),
            new("snapshot-count", "10000"),
            new("listen-metrics-urls", "http://" + HostPort.Join(loopback, KubeadmConstants.EtcdMetricsPort)),
            new("watch-progress-notify-interval", "5s"),
            new("initial-cluster", existingCluster is null
                ? $"{nodeName}={PeerUrl(advertise)}"
                : string.Join(',', existingCluster.Select(member => $"{member.Name}={member.PeerUrl}"))),
        ];
        if (existingCluster is not null)
        {
            arguments.Add(new("initial-cluster-state", "existing"));
        }

        return arguments;
    }
}
