using Kubeadm.App.Preflight;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Host;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.Runtime;

namespace Kubeadm.App.Tests.Preflight;

public sealed class InitPreflightChecksTests
{
    [Fact]
    public async Task Should_PassEveryCheck_When_TheHostIsHealthy()
    {
        var host = new HealthyHost();

        var report = await host.RunChecksAsync();

        Assert.Empty(report.Findings);
        Assert.Equal("", host.Err.ToString());
    }

    [Fact]
    public void Should_ListTheChecksInKubeadmsOrder_When_EtcdIsLocal()
    {
        var names = InitPreflightChecks.Create(new HealthyHost().Inputs()).Select(c => c.Name);

        Assert.Equal(
        [
            "NumCPU", "Mem", "KubernetesVersion", "Firewalld", "Port-6443", "Port-10259", "Port-10257",
            "FileAvailable--etc-kubernetes-manifests-kube-apiserver.yaml", "FileAvailable--etc-kubernetes-manifests-kube-controller-manager.yaml",
            "FileAvailable--etc-kubernetes-manifests-kube-scheduler.yaml", "FileAvailable--etc-kubernetes-manifests-etcd.yaml",
            "HTTPProxy", "HTTPProxyCIDR", "HTTPProxyCIDR", "CRI", "Swap",
            "FileExisting-ip", "FileExisting-iptables", "FileExisting-mount", "FileExisting-nsenter",
            "FileExisting-ebtables", "FileExisting-ethtool", "FileExisting-socat", "FileExisting-tc", "FileExisting-touch",
            "SystemVerification", "Hostname", "KubeletVersion", "Service-Kubelet", "Port-10250",
            "FileContent--proc-sys-net-ipv4-ip_forward", "Port-2379", "Port-2380", "DirAvailable--var-lib-etcd",
        ],
            names);
    }

    [Fact]
    public void Should_CheckTheExternalEtcdInsteadOfLocalPorts_When_EtcdIsExternal()
    {
        var host = new HealthyHost();
        host.Config.Cluster.Etcd = new global::Kubeadm.Core.Configuration.Etcd
        {
            External = new ExternalEtcd { Endpoints = ["https://10.0.0.9:2379"], CaFile = "/pki/ca.crt", CertFile = "/pki/c.crt", KeyFile = "/pki/c.key" },
        };

        var names = InitPreflightChecks.Create(host.Inputs()).Select(c => c.Name).ToList();

        Assert.Equal(["ExternalEtcdVersion", "ExternalEtcdClientCertificates", "ExternalEtcdClientCertificates", "ExternalEtcdClientCertificates"], names[^4..]);
        Assert.DoesNotContain("Port-2379", names);
    }

    [Fact]
    public void Should_CheckIPv6ForwardingAndConntrack_When_DualStackAndAnOlderVersionAreUsed()
    {
        var host = new HealthyHost();
        host.Config.Cluster.Networking.PodSubnet = "10.244.0.0/16,fd00:10:244::/56";
        host.Config.Cluster.KubernetesVersion = "v1.31.5";

        var names = InitPreflightChecks.Create(host.Inputs()).Select(c => c.Name).ToList();

        Assert.Contains("FileExisting-conntrack", names);
        Assert.Equal(names.IndexOf("FileContent--proc-sys-net-ipv4-ip_forward") + 1, names.IndexOf("FileContent--proc-sys-net-ipv6-conf-default-forwarding"));
    }

    [Fact]
    public async Task Should_FailNumCpuAndMem_When_TheMachineIsTooSmall()
    {
        var host = new HealthyHost();
        host.Host.ProcessorCount = 1;
        host.Write("/proc/meminfo", "MemTotal:         985000 kB\n");

        var report = await host.RunChecksAsync();

        Assert.Equal(
        [
            new PreflightFinding("NumCPU", "the number of available CPUs 1 is less than the required 2", true),
            new PreflightFinding("Mem", "the system RAM (961 MB) is less than the minimum 1700 MB", true),
        ],
            report.Errors);
    }

    [Fact]
    public async Task Should_ReportPortsInUse_When_SomethingListens()
    {
        var host = new HealthyHost();
        host.Host.BusyPorts.UnionWith([6443, 2380]);

        var report = await host.RunChecksAsync();

        Assert.Equal(["Port-6443: Port 6443 is in use", "Port-2380: Port 2380 is in use"], report.Errors.Select(e => $"{e.CheckName}: {e.Message}"));
    }

    [Fact]
    public async Task Should_ReportLeftovers_When_ManifestsAndEtcdDataExist()
    {
        var host = new HealthyHost();
        host.Write("/etc/kubernetes/manifests/kube-apiserver.yaml", "x");
        host.Write("/var/lib/etcd/member/snap/db", "x");

        var report = await host.RunChecksAsync();

        Assert.Equal(
        [
            "FileAvailable--etc-kubernetes-manifests-kube-apiserver.yaml: /etc/kubernetes/manifests/kube-apiserver.yaml already exists",
            "DirAvailable--var-lib-etcd: /var/lib/etcd is not empty",
        ],
            report.Errors.Select(e => $"{e.CheckName}: {e.Message}"));
    }

    [Fact]
    public async Task Should_AcceptAnEmptyEtcdDataDirectory_When_ItExists()
    {
        var host = new HealthyHost();
        host.FileSystem.CreateDirectory("/var/lib/etcd", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.Empty(await host.FindingsOfAsync("DirAvailable--var-lib-etcd"));
    }

    [Fact]
    public async Task Should_ErrorOnRequiredAndWarnOnOptionalTools_When_TheyAreNotOnPath()
    {
        var host = new HealthyHost();
        host.Host.Executables.Remove("nsenter");
        host.Host.Executables.Remove("socat");

        var report = await host.RunChecksAsync();

        Assert.Equal([new PreflightFinding("FileExisting-nsenter", "nsenter not found in system path", true)], report.Errors);
        Assert.Equal([new PreflightFinding("FileExisting-socat", "socat not found in system path", false)], report.Warnings);
        Assert.Equal("\t[WARNING FileExisting-socat]: socat not found in system path\n", host.Err.ToString().Split("[preflight]")[0]);
    }

    [Fact]
    public async Task Should_FailTheCriCheck_When_TheRuntimeDoesNotAnswer()
    {
        var host = new HealthyHost();
        host.Runtime.Unreachable = "cannot connect to the container runtime at \"unix:///var/run/containerd/containerd.sock\": connection refused";

        var finding = Assert.Single(await host.FindingsOfAsync("CRI"));

        Assert.True(finding.IsFatal);
        Assert.Equal(
            "container runtime is not running: cannot connect to the container runtime at \"unix:///var/run/containerd/containerd.sock\": connection refused",
            finding.Message);
    }

    [Fact]
    public async Task Should_FailTheCriCheck_When_TheRuntimeIsNotReady()
    {
        var host = new HealthyHost();
        host.Runtime.Ready = new RuntimeCondition("RuntimeReady", false, "NotReady", "runc is missing");

        var finding = Assert.Single(await host.FindingsOfAsync("CRI"));

        Assert.Equal("container runtime condition \"RuntimeReady\" is not true. reason: NotReady, message: runc is missing", finding.Message);
    }

    [Fact]
    public async Task Should_WarnAboutSwap_When_ASwapAreaIsActive()
    {
        var host = new HealthyHost();
        host.Write("/proc/swaps", "Filename\tType\tSize\tUsed\tPriority\n/swap.img\tfile\t2097148\t0\t-2\n");

        var finding = Assert.Single(await host.FindingsOfAsync("Swap"));

        Assert.Equal(new PreflightFinding("Swap", HostFileRules.SwapWarning, false), finding);
    }

    [Fact]
    public async Task Should_ErrorOnForwarding_When_IpForwardIsOffOrMissing()
    {
        var host = new HealthyHost();
        host.Write("/proc/sys/net/ipv4/ip_forward", "0\n");

        var finding = Assert.Single(await host.FindingsOfAsync("FileContent--proc-sys-net-ipv4-ip_forward"));
        host.FileSystem.DeleteFile("/proc/sys/net/ipv4/ip_forward");
        var missing = Assert.Single(await host.FindingsOfAsync("FileContent--proc-sys-net-ipv4-ip_forward"));

        Assert.Equal("/proc/sys/net/ipv4/ip_forward contents are not set to 1", finding.Message);
        Assert.Equal("/proc/sys/net/ipv4/ip_forward does not exist", missing.Message);
    }

    [Fact]
    public async Task Should_ErrorOnKubelet_When_ItIsMissingTooOldOrNewerThanTheControlPlane()
    {
        var host = new HealthyHost();
        host.Host.Executables.Remove("kubelet");
        var missing = Assert.Single(await host.FindingsOfAsync("KubeletVersion")).Message;
        host.Host.WithExecutable("kubelet", "Kubernetes v1.30.4");
        var old = Assert.Single(await host.FindingsOfAsync("KubeletVersion")).Message;
        host.Host.WithExecutable("kubelet", "Kubernetes v1.35.0");
        var newer = Assert.Single(await host.FindingsOfAsync("KubeletVersion")).Message;

        Assert.Equal("couldn't get kubelet version: cannot execute 'kubelet --version': executable file not found in $PATH", missing);
        Assert.Equal("Kubelet version \"1.30.4\" is lower than kubeadm can support. Please upgrade kubelet", old);
        Assert.StartsWith("the kubelet version is higher than the control plane version.", newer);
        Assert.Contains("kubelet --version", host.Host.Commands);
    }

    [Fact]
    public async Task Should_WarnAboutTheKubeletUnit_When_ItIsMissingOrDisabled()
    {
        var host = new HealthyHost();
        host.Host.Services.Clear();
        var missing = Assert.Single(await host.FindingsOfAsync("Service-Kubelet")).Message;
        host.Host.Services["kubelet"] = new ServiceStatus("kubelet", "loaded", "inactive", "disabled");
        var disabled = Assert.Single(await host.FindingsOfAsync("Service-Kubelet")).Message;

        Assert.Equal("kubelet service does not exist", missing);
        Assert.Equal("kubelet service is not enabled, please run 'systemctl enable kubelet.service'", disabled);
    }

    [Fact]
    public async Task Should_WarnAboutFirewalld_When_ItIsActive()
    {
        var host = new HealthyHost();
        host.Host.Services["firewalld"] = new ServiceStatus("firewalld", "loaded", "active", "enabled");

        var finding = Assert.Single(await host.FindingsOfAsync("Firewalld"));

        Assert.Equal("firewalld is active, please ensure ports [6443 10250] are open or your cluster may not function correctly", finding.Message);
        Assert.False(finding.IsFatal);
    }

    [Fact]
    public async Task Should_WarnAboutTheHostname_When_ItDoesNotResolve()
    {
        var host = new HealthyHost();
        host.Host.Names.Clear();

        var findings = await host.FindingsOfAsync("Hostname");

        Assert.Equal(["hostname \"n1\" could not be reached", "hostname \"n1\": lookup n1: no such host"], findings.Select(f => f.Message));
        Assert.All(findings, f => Assert.False(f.IsFatal));
    }

    [Fact]
    public async Task Should_WarnAboutProxies_When_TheEnvironmentWouldProxyClusterTraffic()
    {
        var host = new HealthyHost();
        host.Environment["HTTPS_PROXY"] = "proxy.corp:3128";
        host.Environment["NO_PROXY"] = "10.96.0.0/12";

        var report = await host.RunChecksAsync();

        Assert.Equal(
            [new PreflightFinding("HTTPProxy", "Connection to \"https://10.0.0.1\" uses proxy \"http://proxy.corp:3128\". If that is not intended, adjust your proxy settings", false)],
            report.Findings);
    }

    [Fact]
    public async Task Should_WarnAboutKernelAndCgroups_When_TheHostIsOld()
    {
        var host = new HealthyHost();
        host.Write("/proc/sys/kernel/osrelease", "4.14.355\n");
        host.FileSystem.DeleteFile("/sys/fs/cgroup/cgroup.controllers");
        host.Write("/proc/cgroups", "#subsys_name\thierarchy\tnum_cgroups\tenabled\ncpuset\t1\t1\t1\ncpu\t2\t1\t1\n");

        var findings = await host.FindingsOfAsync("SystemVerification");

        Assert.Equal(
        [
            "unsupported kernel release: 4.14.355",
            "cgroups v1 support is in maintenance mode, please migrate to cgroups v2",
            "missing optional cgroups: hugetlb",
            "missing required cgroups: cpuacct devices freezer memory pids",
        ],
            findings.Select(f => f.Message));
        Assert.StartsWith(SystemVerification.FailureHeader + "\nKERNEL_VERSION: 4.14.355\n", host.Out.ToString());
    }
}
