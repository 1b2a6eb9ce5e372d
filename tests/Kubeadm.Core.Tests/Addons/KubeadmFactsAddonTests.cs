using k8s.Models;
using Kubeadm.Core.Addons;

namespace Kubeadm.Core.Tests.Addons;

/// <summary>
/// The CoreDNS and kube-proxy objects checked field by field against kubeadm 1.34's facts
/// (phases/addons/dns/manifests.go, phases/addons/proxy/manifests.go; kubeadm-init-facts.md §14), written out here by
/// hand — independent of the golden files. Defaults: dnsDomain cluster.local, serviceSubnet 10.96.0.0/12.
/// </summary>
public sealed class KubeadmFactsAddonTests
{
    private static readonly global::Kubeadm.Core.Configuration.KubeadmConfig Config = AddonScenarios.Config();

    [Fact]
    public void Should_BuildKubeadmsCoreDnsDeployment_When_DefaultsApply()
    {
        var deployment = CoreDnsObjects.Build(Config.Cluster).Deployment;

        Assert.Equal(("coredns", "kube-system"), (deployment.Metadata.Name, deployment.Metadata.NamespaceProperty));
        Assert.Equal("kube-dns", deployment.Metadata.Labels["k8s-app"]);
        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal("RollingUpdate", deployment.Spec.Strategy.Type);
        Assert.Equal("1", deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value);
        Assert.Equal(new Dictionary<string, string> { ["k8s-app"] = "kube-dns" }, deployment.Spec.Selector.MatchLabels);
        var pod = deployment.Spec.Template.Spec;
        Assert.Equal(("system-cluster-critical", "coredns", "Default"), (pod.PriorityClassName, pod.ServiceAccountName, pod.DnsPolicy));
        Assert.Equal(new Dictionary<string, string> { ["kubernetes.io/os"] = "linux" }, pod.NodeSelector);
        Assert.Equal(
            [("CriticalAddonsOnly", "Exists", (string?)null), ("node-role.kubernetes.io/control-plane", (string?)null, (string?)"NoSchedule")],
            pod.Tolerations.Select(t => ((string?)t.Key, (string?)t.OperatorProperty, (string?)t.Effect)));
        var affinity = Assert.Single(pod.Affinity.PodAntiAffinity.PreferredDuringSchedulingIgnoredDuringExecution);
        Assert.Equal(100, affinity.Weight);
        Assert.Equal("kubernetes.io/hostname", affinity.PodAffinityTerm.TopologyKey);
        var expression = Assert.Single(affinity.PodAffinityTerm.LabelSelector.MatchExpressions);
        Assert.Equal(("k8s-app", "In", "kube-dns"), (expression.Key, expression.OperatorProperty, Assert.Single(expression.Values)));

        var container = Assert.Single(pod.Containers);
        Assert.Equal(("coredns", "registry.k8s.io/coredns/coredns:v1.12.1", "IfNotPresent"), (container.Name, container.Image, container.ImagePullPolicy));
        Assert.Equal(["-conf", "/etc/coredns/Corefile"], container.Args);
        Assert.Equal("170Mi", container.Resources.Limits["memory"].ToString());
        Assert.Equal(("100m", "70Mi"), (container.Resources.Requests["cpu"].ToString(), container.Resources.Requests["memory"].ToString()));
        Assert.Equal(
            [("dns", 53, "UDP"), ("dns-tcp", 53, "TCP"), ("metrics", 9153, "TCP"), ("liveness-probe", 8080, "TCP"), ("readiness-probe", 8181, "TCP")],
            container.Ports.Select(p => (p.Name, p.ContainerPort, p.Protocol)));
        Assert.Equal(("/health", "liveness-probe", "HTTP"), (container.LivenessProbe.HttpGet.Path, container.LivenessProbe.HttpGet.Port.Value, container.LivenessProbe.HttpGet.Scheme));
        Assert.Equal((60, 5, 1, 5), (container.LivenessProbe.InitialDelaySeconds, container.LivenessProbe.TimeoutSeconds, container.LivenessProbe.SuccessThreshold, container.LivenessProbe.FailureThreshold));
        Assert.Equal(("/ready", "readiness-probe", "HTTP"), (container.ReadinessProbe.HttpGet.Path, container.ReadinessProbe.HttpGet.Port.Value, container.ReadinessProbe.HttpGet.Scheme));
        Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
        Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
        Assert.Equal(["NET_BIND_SERVICE"], container.SecurityContext.Capabilities.Add);
        Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
        var mount = Assert.Single(container.VolumeMounts);
        Assert.Equal(("config-volume", "/etc/coredns", true), (mount.Name, mount.MountPath, mount.ReadOnlyProperty ?? false));
        var volume = Assert.Single(pod.Volumes);
        Assert.Equal(("config-volume", "coredns"), (volume.Name, volume.ConfigMap.Name));
        var item = Assert.Single(volume.ConfigMap.Items);
        Assert.Equal(("Corefile", "Corefile"), (item.Key, item.Path));
    }

    [Fact]
    public void Should_BuildKubeadmsCoreDnsServiceAndRbac_When_DefaultsApply()
    {
        var dns = CoreDnsObjects.Build(Config.Cluster);

        var service = dns.Service;
        Assert.Equal(("kube-dns", "kube-system", "0"), (service.Metadata.Name, service.Metadata.NamespaceProperty, service.Metadata.ResourceVersion));
        Assert.Equal(
            new Dictionary<string, string> { ["k8s-app"] = "kube-dns", ["kubernetes.io/cluster-service"] = "true", ["kubernetes.io/name"] = "CoreDNS" },
            service.Metadata.Labels);
        Assert.Equal(new Dictionary<string, string> { ["prometheus.io/port"] = "9153", ["prometheus.io/scrape"] = "true" }, service.Metadata.Annotations);
        Assert.Equal("10.96.0.10", service.Spec.ClusterIP);
        Assert.Equal(
            [("dns", 53, "UDP", "53"), ("dns-tcp", 53, "TCP", "53"), ("metrics", 9153, "TCP", "9153")],
            service.Spec.Ports.Select(p => (p.Name, p.Port, p.Protocol, p.TargetPort.Value)));
        Assert.Equal(new Dictionary<string, string> { ["k8s-app"] = "kube-dns" }, service.Spec.Selector);

        Assert.Equal("system:coredns", dns.ClusterRole.Metadata.Name);
        Assert.Equal(
            [("", "endpoints,services,pods,namespaces", "list,watch"), ("discovery.k8s.io", "endpointslices", "list,watch")],
            dns.ClusterRole.Rules.Select(r => (string.Join(',', r.ApiGroups), string.Join(',', r.Resources), string.Join(',', r.Verbs))));
        Assert.Equal(("system:coredns", "ClusterRole", "system:coredns"), (dns.ClusterRoleBinding.Metadata.Name, dns.ClusterRoleBinding.RoleRef.Kind, dns.ClusterRoleBinding.RoleRef.Name));
        var subject = Assert.Single(dns.ClusterRoleBinding.Subjects);
        Assert.Equal(("ServiceAccount", "coredns", "kube-system"), (subject.Kind, subject.Name, subject.NamespaceProperty));
        Assert.Equal(("coredns", "kube-system"), (dns.ServiceAccount.Metadata.Name, dns.ServiceAccount.Metadata.NamespaceProperty));
        Assert.Equal(("coredns", "kube-system"), (dns.ConfigMap.Metadata.Name, dns.ConfigMap.Metadata.NamespaceProperty));
        Assert.Contains("kubernetes cluster.local in-addr.arpa ip6.arpa {", dns.ConfigMap.Data["Corefile"]);
    }

    [Fact]
    public void Should_BuildKubeadmsKubeProxyDaemonSetAndRbac_When_DefaultsApply()
    {
        var proxy = KubeProxyObjects.Build(Config, [], _ => { });

        var daemonSet = proxy.DaemonSet;
        Assert.Equal(("kube-proxy", "kube-system"), (daemonSet.Metadata.Name, daemonSet.Metadata.NamespaceProperty));
        Assert.Equal("kube-proxy", daemonSet.Metadata.Labels["k8s-app"]);
        Assert.Equal(new Dictionary<string, string> { ["k8s-app"] = "kube-proxy" }, daemonSet.Spec.Selector.MatchLabels);
        Assert.Equal("RollingUpdate", daemonSet.Spec.UpdateStrategy.Type);
        var pod = daemonSet.Spec.Template.Spec;
        Assert.Equal(("system-node-critical", "kube-proxy", true), (pod.PriorityClassName, pod.ServiceAccountName, pod.HostNetwork ?? false));
        Assert.Equal(new Dictionary<string, string> { ["kubernetes.io/os"] = "linux" }, pod.NodeSelector);
        // proxy/manifests.go tolerates everything with one `operator: Exists` (older releases also listed CriticalAddonsOnly).
        var toleration = Assert.Single(pod.Tolerations);
        Assert.Equal(((string?)null, "Exists", (string?)null), (toleration.Key, toleration.OperatorProperty, toleration.Effect));
        var container = Assert.Single(pod.Containers);
        Assert.Equal(("kube-proxy", "registry.k8s.io/kube-proxy:v1.34.2"), (container.Name, container.Image));
        Assert.Equal(["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"], container.Command);
        Assert.True(container.SecurityContext.Privileged);
        var env = Assert.Single(container.Env);
        Assert.Equal(("NODE_NAME", "spec.nodeName"), (env.Name, env.ValueFrom.FieldRef.FieldPath));
        Assert.Equal(
            [("kube-proxy", "/var/lib/kube-proxy", false), ("xtables-lock", "/run/xtables.lock", false), ("lib-modules", "/lib/modules", true)],
            container.VolumeMounts.Select(m => (m.Name, m.MountPath, m.ReadOnlyProperty ?? false)));
        Assert.Equal(
            [("kube-proxy", "kube-proxy", null, null), ("xtables-lock", null, "/run/xtables.lock", "FileOrCreate"), ("lib-modules", null, "/lib/modules", null)],
            pod.Volumes.Select(v => (v.Name, v.ConfigMap?.Name, v.HostPath?.Path, v.HostPath?.Type)));

        Assert.Equal(("kube-proxy", "kube-system"), (proxy.ServiceAccount.Metadata.Name, proxy.ServiceAccount.Metadata.NamespaceProperty));
        Assert.Equal(("kubeadm:node-proxier", "system:node-proxier"), (proxy.ClusterRoleBinding.Metadata.Name, proxy.ClusterRoleBinding.RoleRef.Name));
        var proxier = Assert.Single(proxy.ClusterRoleBinding.Subjects);
        Assert.Equal(("ServiceAccount", "kube-proxy", "kube-system"), (proxier.Kind, proxier.Name, proxier.NamespaceProperty));
        var rule = Assert.Single(proxy.Role.Rules);
        Assert.Equal(("kube-proxy", "configmaps", "kube-proxy", "get"), (proxy.Role.Metadata.Name, Assert.Single(rule.Resources), Assert.Single(rule.ResourceNames), Assert.Single(rule.Verbs)));
        var bootstrappers = Assert.Single(proxy.RoleBinding.Subjects);
        Assert.Equal(("kube-proxy", "Group", "system:bootstrappers:kubeadm:default-node-token"), (proxy.RoleBinding.Metadata.Name, bootstrappers.Kind, bootstrappers.Name));
        Assert.Equal(new Dictionary<string, string> { ["app"] = "kube-proxy" }, proxy.ConfigMap.Metadata.Labels);
        Assert.Equal(["config.conf", "kubeconfig.conf"], proxy.ConfigMap.Data.Keys.Order(StringComparer.Ordinal));
    }
}
