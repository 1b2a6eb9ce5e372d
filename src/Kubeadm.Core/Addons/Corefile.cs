namespace Kubeadm.Core.Addons;

/// <summary>The CoreDNS configuration kubeadm installs (the ConfigMap key "Corefile").</summary>
public static class Corefile
{
    /// <summary>
    /// The Corefile for a cluster DNS domain. With an empty domain the cache block has no "disable" lines, as kubeadm's
    /// template renders it.
    /// </summary>
    public static string For(string dnsDomain)
    {
        ArgumentNullException.ThrowIfNull(dnsDomain);
        var cache = dnsDomain.Length == 0
            ? "    cache 30\n"
            : $"    cache 30 {{\n       disable success {dnsDomain}\n       disable denial {dnsDomain}\n    }}\n";
        return ".:53 {\n" +
            "    errors\n" +
            "    health {\n" +
            "       lameduck 5s\n" +
            "    }\n" +
            "    ready\n" +
            $"    kubernetes {dnsDomain} in-addr.arpa ip6.arpa {{\n" +
            "       pods insecure\n" +
            "       fallthrough in-addr.arpa ip6.arpa\n" +
            "       ttl 30\n" +
            "    }\n" +
            "    prometheus :9153\n" +
            "    forward . /etc/resolv.conf {\n" +
            "       max_concurrent 1000\n" +
            "    }\n" +
            cache +
            "    loop\n" +
            "    reload\n" +
            "    loadbalance\n" +
            "}\n";
    }
}
