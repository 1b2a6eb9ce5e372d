using Kubeadm.Core.Configuration;

namespace Kubeadm.App.Init;

/// <summary>
/// Keeps the addon skip list and dns/proxy "disabled" in step, both ways, as kubeadm's init does:
/// skipping `addon` or `addon/coredns` disables DNS, and a disabled DNS skips `addon/coredns` (likewise kube-proxy).
/// </summary>
public static class SkippedAddons
{
    private const string Addon = "addon";
    private const string CoreDns = "addon/coredns";
    private const string KubeProxy = "addon/kube-proxy";

    public static void Sync(KubeadmConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var skip = config.Init.SkipPhases;
        var cluster = config.Cluster;
        if (Contains(skip, Addon) || Contains(skip, CoreDns))
        {
            cluster.Dns.Disabled = true;
        }

        if (Contains(skip, Addon) || Contains(skip, KubeProxy))
        {
            cluster.Proxy.Disabled = true;
        }

        if (cluster.Dns.Disabled && !Contains(skip, CoreDns) && !Contains(skip, Addon))
        {
            skip.Add(CoreDns);
        }

        if (cluster.Proxy.Disabled && !Contains(skip, KubeProxy) && !Contains(skip, Addon))
        {
            skip.Add(KubeProxy);
        }
    }

    private static bool Contains(List<string> skip, string phase) =>
        skip.Exists(s => string.Equals(s, phase, StringComparison.OrdinalIgnoreCase));
}
