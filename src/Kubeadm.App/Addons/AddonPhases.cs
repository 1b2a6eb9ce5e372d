using System.Collections.Immutable;
using Kubeadm.App.Init;
using Kubeadm.Workflow;

namespace Kubeadm.App.Addons;

/// <summary>The sub-phases of `kubeadm init phase addon`.</summary>
public static class AddonPhases
{
    public static ImmutableArray<Phase<InitContext>> Create() =>
    [
        new Phase<InitContext>
        {
            Name = "coredns",
            Short = "Install CoreDNS, the cluster's DNS server",
            Long = "Creates CoreDNS's Deployment, Service, ConfigMap and RBAC objects through the API server.\n" +
                "Its Pods stay Pending until a pod network (CNI plugin) is installed.",
            InheritFlags = Flags([.. InitPhaseTree.AddonFlags, "feature-gates", "service-cidr", "service-dns-domain"]),
            RunIf = ctx => !ctx.Config.Cluster.Dns.Disabled,
            Run = CoreDnsAddonInstaller.RunAsync,
        },
        new Phase<InitContext>
        {
            Name = "kube-proxy",
            Short = "Install kube-proxy, which routes Service traffic on every node",
            Long = "Creates kube-proxy's DaemonSet, ConfigMap and RBAC objects through the API server.",
            InheritFlags = Flags([.. InitPhaseTree.AddonFlags, "apiserver-advertise-address", "apiserver-bind-port", "control-plane-endpoint", "pod-network-cidr"]),
            RunIf = ctx => !ctx.Config.Cluster.Proxy.Disabled,
            Run = KubeProxyAddonInstaller.RunAsync,
        },
    ];

    private static ImmutableArray<string> Flags(string[] flags) => [.. flags.Order(StringComparer.Ordinal)];
}
