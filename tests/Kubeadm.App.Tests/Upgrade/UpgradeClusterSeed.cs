using k8s.Models;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.UploadConfig;

namespace Kubeadm.App.Tests.Upgrade;

/// <summary>An in-memory cluster as `kubeadm init` at some version leaves it: kubeadm-config, mirror Pods, Nodes, CoreDNS, component configs.</summary>
internal static class UpgradeClusterSeed
{
    public static InMemoryClusterApi Cluster(string version, string[] controlPlanes, string[] workers, string etcdTag = "3.5.24-0", string? kubeletVersion = null)
    {
        var api = new InMemoryClusterApi { ServerVersion = version };
        var config = ConfigDefaults.CreateDefault();
        config.Cluster.KubernetesVersion = version;
        ConfigDefaults.Apply(config);
        api.Seed(KubeadmConfigMap.Create(config.Cluster));
        foreach (var node in controlPlanes)
        {
            api.Seed(MirrorPod("kube-apiserver", node, $"registry.k8s.io/kube-apiserver:{version}"));
            api.Seed(MirrorPod("kube-controller-manager", node, $"registry.k8s.io/kube-controller-manager:{version}"));
            api.Seed(MirrorPod("kube-scheduler", node, $"registry.k8s.io/kube-scheduler:{version}"));
            if (etcdTag.Length > 0)
            {
                api.Seed(MirrorPod("etcd", node, $"registry.k8s.io/etcd:{etcdTag}"));
            }
        }

        foreach (var node in controlPlanes.Concat(workers))
        {
            api.Seed(Node(node, kubeletVersion ?? version));
        }

        api.Seed(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "coredns", NamespaceProperty = "kube-system", Labels = new Dictionary<string, string> { ["k8s-app"] = "kube-dns" } },
            Spec = new V1DeploymentSpec
            {
                Selector = new V1LabelSelector(),
                Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "coredns", Image = "registry.k8s.io/coredns/coredns:v1.12.0" }] } },
            },
        });
        api.Seed(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "kube-proxy", NamespaceProperty = "kube-system" },
            Data = new Dictionary<string, string> { ["config.conf"] = "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n" },
        });
        api.Seed(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "kubelet-config", NamespaceProperty = "kube-system" },
            Data = new Dictionary<string, string> { ["kubelet"] = "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n" },
        });
        return api;
    }

    public static V1Node Node(string name, string kubeletVersion) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Status = new V1NodeStatus { NodeInfo = new V1NodeSystemInfo { KubeletVersion = kubeletVersion } },
    };

    public static V1Pod MirrorPod(string component, string node, string image) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = $"{component}-{node}",
            NamespaceProperty = "kube-system",
            Labels = new Dictionary<string, string> { ["component"] = component, ["tier"] = "control-plane" },
        },
        Spec = new V1PodSpec { NodeName = node, Containers = [new V1Container { Name = component, Image = image }] },
    };
}
