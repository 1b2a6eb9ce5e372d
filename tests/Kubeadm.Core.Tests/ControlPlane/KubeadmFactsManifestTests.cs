using k8s.Models;
using Kubeadm.Core.ControlPlane;

namespace Kubeadm.Core.Tests.ControlPlane;

/// <summary>
/// The static Pods checked field by field against kubeadm 1.34's facts (phases/etcd/local.go,
/// phases/controlplane/manifests.go and volumes.go, util/staticpod/utils.go; see kubeadm-init-facts.md §5–6),
/// written out here by hand — independent of the golden files, which only freeze our own output.
/// Node "n1" advertises 10.0.0.1:6443; certificatesDir is /etc/kubernetes/pki.
/// </summary>
public sealed class KubeadmFactsManifestTests
{
    private const string Pki = "/etc/kubernetes/pki";

    private static readonly global::Kubeadm.Core.Configuration.KubeadmConfig Config = ManifestScenarios.Config();

    [Fact]
    public void Should_HaveKubeadmsCommonPodShape_When_AnyComponentIsBuilt()
    {
        foreach (var pod in AllPods())
        {
            var name = pod.Metadata.Name;
            Assert.Equal("v1", pod.ApiVersion);
            Assert.Equal("Pod", pod.Kind);
            Assert.Equal("kube-system", pod.Metadata.NamespaceProperty);
            Assert.Equal(new Dictionary<string, string> { ["component"] = name, ["tier"] = "control-plane" }, pod.Metadata.Labels);
            Assert.True(pod.Spec.HostNetwork);
            Assert.Equal("system-node-critical", pod.Spec.PriorityClassName);
            Assert.Equal(2000001000, pod.Spec.Priority);
            Assert.Equal("RuntimeDefault", pod.Spec.SecurityContext.SeccompProfile.Type);
            var container = Assert.Single(pod.Spec.Containers);
            Assert.Equal(name, container.Name);
            Assert.Equal("IfNotPresent", container.ImagePullPolicy);
            Assert.Equal(name, container.Command[0]);
            Assert.Equal([.. pod.Spec.Volumes.Select(v => v.Name).Order(StringComparer.Ordinal)], pod.Spec.Volumes.Select(v => v.Name));
            if (name != "etcd")
            {
                // VolumeMountMapToSlice sorts; etcd lists its two mounts itself, data first (checked below).
                Assert.Equal([.. container.VolumeMounts.Select(v => v.Name).Order(StringComparer.Ordinal)], container.VolumeMounts.Select(v => v.Name));
            }

            // Since 1.30 the probes name the container port "probe-port" instead of a number.
            var probePort = Assert.Single(container.Ports);
            Assert.Equal(("probe-port", "TCP"), (probePort.Name, probePort.Protocol));
            Assert.Null(container.Resources.Limits);
        }
    }

    [Fact]
    public void Should_PassKubeadmsEtcdFlags_When_EtcdIsLocal()
    {
        var pod = EtcdPodBuilder.Build(Config);
        var container = pod.Spec.Containers[0];

        Assert.Equal("registry.k8s.io/etcd:3.6.5-0", container.Image);
        Assert.Equal("https://10.0.0.1:2379", pod.Metadata.Annotations["kubeadm.kubernetes.io/etcd.advertise-client-urls"]);
        Assert.Equal(
        [
            "etcd",
            "--advertise-client-urls=https://10.0.0.1:2379",
            $"--cert-file={Pki}/etcd/server.crt",
            "--client-cert-auth=true",
            "--data-dir=/var/lib/etcd",
            "--feature-gates=InitialCorruptCheck=true",
            "--initial-advertise-peer-urls=https://10.0.0.1:2380",
            "--initial-cluster=n1=https://10.0.0.1:2380",
            $"--key-file={Pki}/etcd/server.key",
            "--listen-client-urls=https://127.0.0.1:2379,https://10.0.0.1:2379",
            "--listen-metrics-urls=http://127.0.0.1:2381",
            "--listen-peer-urls=https://10.0.0.1:2380",
            "--name=n1",
            $"--peer-cert-file={Pki}/etcd/peer.crt",
            "--peer-client-cert-auth=true",
            $"--peer-key-file={Pki}/etcd/peer.key",
            $"--peer-trusted-ca-file={Pki}/etcd/ca.crt",
            "--snapshot-count=10000",
            $"--trusted-ca-file={Pki}/etcd/ca.crt",
            "--watch-progress-notify-interval=5s",
        ], container.Command);
        AssertRequests(container, ("cpu", "100m"), ("memory", "100Mi"));
        AssertProbes(container, "HTTP", "127.0.0.1", 2381, liveness: "/livez", readiness: "/readyz", startup: "/readyz");
        Assert.Equal(
            [("etcd-certs", $"{Pki}/etcd", "DirectoryOrCreate"), ("etcd-data", "/var/lib/etcd", "DirectoryOrCreate")],
            pod.Spec.Volumes.Select(v => (v.Name, v.HostPath.Path, v.HostPath.Type)));
        Assert.Equal(
            [("etcd-data", "/var/lib/etcd", false), ("etcd-certs", $"{Pki}/etcd", false)],
            container.VolumeMounts.Select(m => (m.Name, m.MountPath, m.ReadOnlyProperty ?? false)));
        Assert.Null(container.Env);
    }

    [Fact]
    public void Should_PassKubeadmsApiServerFlags_When_DefaultsApply()
    {
        var pod = ApiServerPodBuilder.Build(Config, ManifestScenarios.DebianHost);
        var container = pod.Spec.Containers[0];

        Assert.Equal("registry.k8s.io/kube-apiserver:v1.34.2", container.Image);
        Assert.Equal("10.0.0.1:6443", pod.Metadata.Annotations["kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint"]);
        Assert.Equal(
        [
            "kube-apiserver",
            "--advertise-address=10.0.0.1",
            "--allow-privileged=true",
            "--authorization-mode=Node,RBAC",
            $"--client-ca-file={Pki}/ca.crt",
            "--enable-admission-plugins=NodeRestriction",
            "--enable-bootstrap-token-auth=true",
            $"--etcd-cafile={Pki}/etcd/ca.crt",
            $"--etcd-certfile={Pki}/apiserver-etcd-client.crt",
            $"--etcd-keyfile={Pki}/apiserver-etcd-client.key",
            "--etcd-servers=https://127.0.0.1:2379",
            $"--kubelet-client-certificate={Pki}/apiserver-kubelet-client.crt",
            $"--kubelet-client-key={Pki}/apiserver-kubelet-client.key",
            "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname",
            $"--proxy-client-cert-file={Pki}/front-proxy-client.crt",
            $"--proxy-client-key-file={Pki}/front-proxy-client.key",
            "--requestheader-allowed-names=front-proxy-client",
            $"--requestheader-client-ca-file={Pki}/front-proxy-ca.crt",
            "--requestheader-extra-headers-prefix=X-Remote-Extra-",
            "--requestheader-group-headers=X-Remote-Group",
            "--requestheader-username-headers=X-Remote-User",
            "--secure-port=6443",
            "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
            $"--service-account-key-file={Pki}/sa.pub",
            $"--service-account-signing-key-file={Pki}/sa.key",
            "--service-cluster-ip-range=10.96.0.0/12",
            $"--tls-cert-file={Pki}/apiserver.crt",
            $"--tls-private-key-file={Pki}/apiserver.key",
        ], container.Command);
        AssertRequests(container, ("cpu", "250m"));
        AssertProbes(container, "HTTPS", "10.0.0.1", 6443, liveness: "/livez", readiness: "/readyz", startup: "/livez");
        AssertVolumes(
            pod,
            ("ca-certs", "/etc/ssl/certs", "DirectoryOrCreate", true),
            ("etc-ca-certificates", "/etc/ca-certificates", "DirectoryOrCreate", true),
            ("k8s-certs", Pki, "DirectoryOrCreate", true),
            ("usr-local-share-ca-certificates", "/usr/local/share/ca-certificates", "DirectoryOrCreate", true),
            ("usr-share-ca-certificates", "/usr/share/ca-certificates", "DirectoryOrCreate", true));
    }

    [Fact]
    public void Should_PassKubeadmsControllerManagerFlags_When_DefaultsApply()
    {
        var pod = ControllerManagerPodBuilder.Build(Config, ManifestScenarios.DebianHost);
        var container = pod.Spec.Containers[0];

        Assert.Equal("registry.k8s.io/kube-controller-manager:v1.34.2", container.Image);
        Assert.Equal(
        [
            "kube-controller-manager",
            "--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf",
            "--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf",
            "--bind-address=127.0.0.1",
            $"--client-ca-file={Pki}/ca.crt",
            "--cluster-name=kubernetes",
            $"--cluster-signing-cert-file={Pki}/ca.crt",
            $"--cluster-signing-key-file={Pki}/ca.key",
            "--controllers=*,bootstrapsigner,tokencleaner",
            "--kubeconfig=/etc/kubernetes/controller-manager.conf",
            "--leader-elect=true",
            $"--requestheader-client-ca-file={Pki}/front-proxy-ca.crt",
            $"--root-ca-file={Pki}/ca.crt",
            $"--service-account-private-key-file={Pki}/sa.key",
            "--use-service-account-credentials=true",
        ], container.Command);
        AssertRequests(container, ("cpu", "200m"));
        AssertProbes(container, "HTTPS", "127.0.0.1", 10257, liveness: "/healthz", readiness: null, startup: "/healthz");
        AssertVolumes(
            pod,
            ("ca-certs", "/etc/ssl/certs", "DirectoryOrCreate", true),
            ("etc-ca-certificates", "/etc/ca-certificates", "DirectoryOrCreate", true),
            ("flexvolume-dir", "/usr/libexec/kubernetes/kubelet-plugins/volume/exec", "DirectoryOrCreate", false),
            ("k8s-certs", Pki, "DirectoryOrCreate", true),
            ("kubeconfig", "/etc/kubernetes/controller-manager.conf", "FileOrCreate", true),
            ("usr-local-share-ca-certificates", "/usr/local/share/ca-certificates", "DirectoryOrCreate", true),
            ("usr-share-ca-certificates", "/usr/share/ca-certificates", "DirectoryOrCreate", true));
    }

    [Fact]
    public void Should_PassKubeadmsSchedulerFlags_When_DefaultsApply()
    {
        var pod = SchedulerPodBuilder.Build(Config, ManifestScenarios.DebianHost);
        var container = pod.Spec.Containers[0];

        Assert.Equal("registry.k8s.io/kube-scheduler:v1.34.2", container.Image);
        Assert.Equal(
        [
            "kube-scheduler",
            "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf",
            "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf",
            "--bind-address=127.0.0.1",
            "--kubeconfig=/etc/kubernetes/scheduler.conf",
            "--leader-elect=true",
        ], container.Command);
        AssertRequests(container, ("cpu", "100m"));
        AssertVolumes(pod, ("kubeconfig", "/etc/kubernetes/scheduler.conf", "FileOrCreate", true));
        // kubeadm 1.32+ probes the scheduler on 10259 at /livez (liveness, startup) and /readyz (readiness) instead of
        // the deprecated /healthz (release note of kubernetes#126945); wait-control-plane checks the same /livez.
        AssertProbes(container, "HTTPS", "127.0.0.1", 10259, liveness: "/livez", readiness: "/readyz", startup: "/livez");
    }

    private static IEnumerable<V1Pod> AllPods() =>
    [
        EtcdPodBuilder.Build(Config),
        ApiServerPodBuilder.Build(Config, ManifestScenarios.DebianHost),
        ControllerManagerPodBuilder.Build(Config, ManifestScenarios.DebianHost),
        SchedulerPodBuilder.Build(Config, ManifestScenarios.DebianHost),
    ];

    private static void AssertRequests(V1Container container, params (string Name, string Value)[] requests) =>
        Assert.Equal(requests.ToDictionary(r => r.Name, r => r.Value), container.Resources.Requests.ToDictionary(r => r.Key, r => r.Value.ToString()));

    /// <summary>kubeadm's createHTTPProbe thresholds: liveness 10/15/8/10, readiness 0/15/3/1, startup 10/15/24/10 (4m budget).</summary>
    private static void AssertProbes(V1Container container, string scheme, string host, int port, string liveness, string? readiness, string startup)
    {
        Assert.Equal(port, container.Ports.Single(p => p.Name == "probe-port").ContainerPort);
        AssertProbe(container.LivenessProbe, liveness, initialDelay: 10, timeout: 15, failure: 8, period: 10);
        AssertProbe(container.StartupProbe, startup, initialDelay: 10, timeout: 15, failure: 24, period: 10);
        if (readiness is null)
        {
            Assert.Null(container.ReadinessProbe);
        }
        else
        {
            AssertProbe(container.ReadinessProbe, readiness, initialDelay: null, timeout: 15, failure: 3, period: 1);
        }

        void AssertProbe(V1Probe probe, string path, int? initialDelay, int timeout, int failure, int period)
        {
            Assert.Equal((scheme, host, "probe-port", path), (probe.HttpGet.Scheme, probe.HttpGet.Host, probe.HttpGet.Port.Value, probe.HttpGet.Path));
            Assert.Equal((initialDelay is 0 ? null : initialDelay, timeout, failure, period), (probe.InitialDelaySeconds is 0 ? null : probe.InitialDelaySeconds, probe.TimeoutSeconds, probe.FailureThreshold, probe.PeriodSeconds));
        }
    }

    private static void AssertVolumes(V1Pod pod, params (string Name, string Path, string Type, bool ReadOnly)[] expected)
    {
        Assert.Equal(expected.Select(v => (v.Name, v.Path, v.Type)), pod.Spec.Volumes.Select(v => (v.Name, v.HostPath.Path, v.HostPath.Type)));
        Assert.Equal(
            expected.Select(v => (v.Name, v.Path, v.ReadOnly)),
            pod.Spec.Containers[0].VolumeMounts.Select(m => (m.Name, m.MountPath, m.ReadOnlyProperty ?? false)));
    }
}
