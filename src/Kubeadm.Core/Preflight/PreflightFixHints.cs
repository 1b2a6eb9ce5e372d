namespace Kubeadm.Core.Preflight;

/// <summary>A short "how to fix" per check, for the summary printed after kubeadm's list of fatal errors.</summary>
public static class PreflightFixHints
{
    public static string For(string checkName)
    {
        ArgumentNullException.ThrowIfNull(checkName);
        var hint = checkName switch
        {
            "IsPrivilegedUser" => "run kubeadm as root (for example with sudo)",
            "NumCPU" => "give the machine at least 2 CPUs",
            "Mem" => "give the machine at least 1700 MB of memory",
            "KubernetesVersion" => "set kubernetesVersion (or --kubernetes-version) to a valid version this kubeadm supports",
            "CRI" => "install and start a container runtime (e.g. containerd) listening on the socket in nodeRegistration.criSocket (--cri-socket)",
            "SystemVerification" => "run on a supported Linux kernel with the required cgroup controllers enabled",
            "KubeletVersion" => "install a kubelet (same minor as the control plane, at most 3 minors older) and put it on PATH",
            "ExternalEtcdVersion" => "make every etcd endpoint reachable with the given client certificates, running a supported etcd version",
            "ExternalEtcdClientCertificates" => "create the etcd.external caFile/certFile/keyFile files, or fix their paths in the configuration",
            "HTTPProxyCIDR" => "fix the CIDR, or add it to NO_PROXY",
            _ => null,
        };
        return hint ?? PatternHint(checkName);
    }

    private static string PatternHint(string checkName)
    {
        if (checkName.StartsWith("Port-", StringComparison.Ordinal))
        {
            return $"stop the process listening on port {checkName["Port-".Length..]} (see: ss -ltnp), or run 'kubeadm reset' if it is a previous cluster";
        }

        if (checkName.StartsWith("FileAvailable-", StringComparison.Ordinal) || checkName.StartsWith("DirAvailable-", StringComparison.Ordinal))
        {
            return "remove what a previous cluster left behind ('kubeadm reset' does it)";
        }

        if (checkName.StartsWith("FileExisting-", StringComparison.Ordinal))
        {
            return $"install '{checkName["FileExisting-".Length..]}' with the host's package manager and make sure it is on PATH";
        }

        if (checkName.StartsWith("FileContent--proc-sys-net-ipv4", StringComparison.Ordinal))
        {
            return "enable IPv4 forwarding: sysctl -w net.ipv4.ip_forward=1 (and persist it in /etc/sysctl.d)";
        }

        if (checkName.StartsWith("FileContent--proc-sys-net-ipv6", StringComparison.Ordinal))
        {
            return "enable IPv6 forwarding: sysctl -w net.ipv6.conf.default.forwarding=1 (and persist it in /etc/sysctl.d)";
        }

        return $"fix the problem reported above, or add --ignore-preflight-errors={checkName} if you know it is harmless";
    }
}
