namespace Kubeadm.Cli.Tests;

public sealed class InitCommandTests
{
    private static readonly string[] AllPhasesButUploadCerts =
    [
        "preflight", "certs", "kubeconfig", "etcd", "control-plane", "kubelet-start", "wait-control-plane",
        "upload-config", "mark-control-plane", "bootstrap-token", "kubelet-finalize", "addon", "show-join-command",
    ];

    [Fact]
    public async Task Should_ListEveryPhase_When_InitHelpIsAsked()
    {
        var run = await new CliHarness().RunAsync("init", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Phases of \"init\", in the order they run:", run.Output);
        foreach (var phase in AllPhasesButUploadCerts.Append("upload-certs"))
        {
            Assert.Contains(phase, run.Output);
        }

        foreach (var sub in new[] { "/ca", "/apiserver-etcd-client", "/sa", "/super-admin", "/local", "/enable-client-cert-rotation", "/kube-proxy" })
        {
            Assert.Contains(sub, run.Output);
        }
    }

    [Fact]
    public async Task Should_ListCertSubPhases_When_PhaseCertsHelpIsAsked()
    {
        var run = await new CliHarness().RunAsync("init", "phase", "certs", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var cert in new[] { "all", "ca", "apiserver", "apiserver-kubelet-client", "front-proxy-ca", "front-proxy-client", "etcd-ca", "etcd-server", "etcd-peer", "etcd-healthcheck-client", "apiserver-etcd-client", "sa" })
        {
            Assert.Contains(cert, run.Output);
        }
    }

    [Fact]
    public async Task Should_PrintHelpAndSucceed_When_AParentPhaseIsInvokedAlone()
    {
        var run = await new CliHarness().RunAsync("init", "phase", "certs");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("It does nothing itself: run one of its sub-phases below.", run.Output);
    }

    [Fact]
    public async Task Should_RejectWithFlagNames_When_ConfigIsMixedWithConfigFlags()
    {
        var harness = new CliHarness().WithUserFile("cluster.yaml", "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\n");

        var run = await harness.RunAsync("init", "--config", "cluster.yaml", "--service-cidr", "10.0.0.0/16", "--pod-network-cidr=10.244.0.0/16", "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("can not mix '--config' with arguments [pod-network-cidr service-cidr]", run.Error);
        Assert.Empty(harness.FileSystem.ListAllFiles());
    }

    [Fact]
    public async Task Should_RejectUnknownPhase_When_SkipPhasesNamesIt()
    {
        var harness = new CliHarness();

        var run = await harness.RunAsync("init", "--dry-run", "--skip-phases", "certs/bogus");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--skip-phases (or skipPhases in the config): invalid phase name: certs/bogus; valid phase names are: preflight, certs, ", run.Error);
        Assert.DoesNotContain("[init] Using Kubernetes version", run.Output);
    }

    [Fact]
    public async Task Should_FailPreflightOnTheChecksAnEmptyHostCannotPass_When_InitRunsWithPreflight()
    {
        var harness = new CliHarness();

        var run = await harness.RunAsync("init", "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[preflight] Running pre-flight checks\n", run.Output);
        Assert.Contains("[preflight] Some fatal errors occurred:\n", run.Error);
        Assert.Contains("\t[ERROR Mem]: the system RAM (0 MB) is less than the minimum 1700 MB\n", run.Error);
        Assert.Contains("\t[ERROR FileExisting-iptables]: iptables not found in system path\n", run.Error);
        Assert.Contains("\t[ERROR KubeletVersion]: couldn't get kubelet version: cannot execute 'kubelet --version': executable file not found in $PATH\n", run.Error);
        Assert.Contains("\t[WARNING Hostname]: hostname \"control-plane-1\" could not be reached\n", run.Error);
        Assert.Contains("[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`\n", run.Error);
        Assert.Contains("error execution phase preflight: preflight checks failed", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("[certs]", run.Output);
        Assert.All(harness.FileSystem.ListAllFiles(), f => Assert.StartsWith("/etc/kubernetes/tmp/kubeadm-init-dryrun", f));
    }

    [Fact]
    public async Task Should_StopAtTheRootCheck_When_NotRunAsRoot()
    {
        var harness = new CliHarness();
        harness.Preflight.IsPrivilegedUser = false;

        var run = await harness.RunAsync("init", "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[preflight] Some fatal errors occurred:\n\t[ERROR IsPrivilegedUser]: user is not running as root\n", run.Error);
        Assert.DoesNotContain("[ERROR Mem]", run.Error);
    }

    [Fact]
    public async Task Should_RunTheWholeInitWithWarnings_When_EveryPreflightErrorIsIgnored()
    {
        var harness = new CliHarness();

        var run = await harness.RunAsync("init", "--dry-run", "--ignore-preflight-errors=all");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("\t[WARNING Mem]: the system RAM (0 MB) is less than the minimum 1700 MB\n", run.Error);
        Assert.DoesNotContain("[ERROR", run.Error);
        Assert.Contains("[preflight] The system verification failed. Printing the output from the verification:\n", run.Output);
        Assert.Contains("[preflight] Would pull the required images (like 'kubeadm config images pull')\n", run.Output);
        Assert.Contains("Your Kubernetes control-plane has initialized successfully!", run.Output);
    }

    [Fact]
    public async Task Should_PassPreflightWithoutWarnings_When_TheHostHasEverything()
    {
        var harness = new CliHarness();
        foreach (var (path, content) in new[]
        {
            ("/proc/meminfo", "MemTotal: 4000000 kB\n"), ("/proc/sys/net/ipv4/ip_forward", "1\n"),
            ("/proc/sys/kernel/osrelease", "6.8.0\n"), ("/sys/fs/cgroup/cgroup.controllers", "cpuset cpu memory hugetlb pids\n"),
        })
        {
            harness.FileSystem.WriteFile(path, System.Text.Encoding.UTF8.GetBytes(content), UnixFileMode.UserRead);
        }

        foreach (var tool in new[] { "ip", "iptables", "mount", "nsenter", "ebtables", "ethtool", "socat", "tc", "touch" })
        {
            harness.Preflight.WithExecutable(tool);
        }

        harness.Preflight.WithExecutable("kubelet", "Kubernetes v1.34.2");
        harness.Preflight.Names["control-plane-1"] = [System.Net.IPAddress.Parse("192.168.10.20")];
        harness.Preflight.ListeningSockets.Add("/var/run/containerd/containerd.sock");
        harness.Preflight.Services["kubelet"] = new Kubeadm.Core.Host.ServiceStatus("kubelet", "loaded", "inactive", "enabled");

        var run = await harness.RunAsync("init", "phase", "preflight", "--dry-run");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("[WARNING", run.Error);
        Assert.Contains("[preflight] Would pull the required images", run.Output);
    }

    [Fact]
    public async Task Should_RunEveryOtherPhaseInDryRunWritingNothingOutsideTheDryRunDirectory_When_PreflightIsSkipped()
    {
        var harness = new CliHarness();

        var run = await harness.RunAsync("init", "--dry-run", "--skip-phases", "preflight");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("[init] Using Kubernetes version: v1.34.2", run.Output);
        Assert.Contains("WARNING: Using dry-run directory /etc/kubernetes/tmp/kubeadm-init-dryrun", run.Error);
        Assert.Contains("[certs] Generating \"ca\" certificate and key", run.Output);
        Assert.Contains("[kubeconfig] Writing \"admin.conf\" kubeconfig file", run.Output);
        Assert.Contains("[control-plane] Creating static Pod manifest for \"kube-apiserver\"", run.Output);
        Assert.Matches("\\[kubelet-start\\] Writing kubelet configuration to file \"/etc/kubernetes/tmp/kubeadm-init-dryrun[0-9]+/config.yaml\"", run.Output);
        Assert.Contains("[dryrun] Would perform action CREATE on resource \"configmaps\" in API group \"core/v1\"", run.Output);
        Assert.Contains("[addons] Applied essential addon: CoreDNS", run.Output);
        Assert.Contains("[addons] Applied essential addon: kube-proxy", run.Output);
        Assert.Contains("Your Kubernetes control-plane has initialized successfully!", run.Output);
        Assert.Contains("kubeadm join 192.168.10.20:6443 --token ", run.Output);
        Assert.DoesNotContain("PRIVATE KEY-----\nMII", run.Output);
        var files = harness.FileSystem.ListAllFiles();
        Assert.All(files, f => Assert.StartsWith("/etc/kubernetes/tmp/kubeadm-init-dryrun", f));
        Assert.Empty(harness.Services.Calls);
    }

    [Fact]
    public async Task Should_LayTheDryRunDirectoryOutFlatLikeKubeadm_When_KubeadmInitDryRunDirIsSet()
    {
        var harness = new CliHarness();
        harness.Environment["KUBEADM_INIT_DRYRUN_DIR"] = "/tmp/dry";

        var run = await harness.RunAsync("init", "--dry-run", "--skip-phases", "preflight");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("Using dry-run directory", run.Output + run.Error);
        string[] expected =
        [
            "admin.conf", "apiserver-etcd-client.crt", "apiserver-etcd-client.key", "apiserver-kubelet-client.crt",
            "apiserver-kubelet-client.key", "apiserver.crt", "apiserver.key", "ca.crt", "ca.key", "config.yaml",
            "controller-manager.conf", "etcd.yaml", "etcd/ca.crt", "etcd/ca.key", "etcd/healthcheck-client.crt",
            "etcd/healthcheck-client.key", "etcd/peer.crt", "etcd/peer.key", "etcd/server.crt", "etcd/server.key",
            "front-proxy-ca.crt", "front-proxy-ca.key", "front-proxy-client.crt", "front-proxy-client.key",
            "instance-config.yaml", "kube-apiserver.yaml", "kube-controller-manager.yaml", "kube-scheduler.yaml",
            "kubeadm-flags.env", "kubelet.conf", "sa.key", "sa.pub", "scheduler.conf", "super-admin.conf",
        ];
        Assert.Equal(expected.Select(name => "/tmp/dry/" + name), harness.FileSystem.ListAllFiles().Order(StringComparer.Ordinal));
        Assert.Contains("[certs] Using certificateDir folder \"/tmp/dry\"\n", run.Output);
        Assert.Contains("[kubeconfig] Using kubeconfig folder \"/tmp/dry\"\n", run.Output);
        Assert.Contains("[control-plane] Using manifest folder \"/tmp/dry\"\n", run.Output);
        Assert.Contains("  sudo cp -i /tmp/dry/admin.conf $HOME/.kube/config\n", run.Output);
        Assert.Contains("[dryrun] Would write file \"/etc/kubernetes/manifests/kube-apiserver.yaml\" with content:\n", run.Output);
        Assert.Contains("[dryrun] Would write file \"/var/lib/kubelet/config.yaml\" with content:\n", run.Output);
        Assert.DoesNotContain("[dryrun] Would write file \"/etc/kubernetes/pki/", run.Output);
        Assert.DoesNotContain("[dryrun] Would write file \"/etc/kubernetes/admin.conf", run.Output);
        Assert.DoesNotContain("-----BEGIN", run.Output);
        Assert.DoesNotContain("client-key-data", run.Output);
        Assert.Contains("[dryrun] Would perform action GET on resource \"nodes\" in API group \"core/v1\"\n", run.Output);
    }

    [Fact]
    public async Task Should_PrintStackTrace_When_VerbosityIsFiveOrMore()
    {
        var run = await new CliHarness().RunAsync("init", "--dry-run", "--v=5");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error execution phase preflight: preflight checks failed", run.Error);
        Assert.Contains("   at ", run.Error);
    }

    [Fact]
    public async Task Should_SkipUploadCertsWithKubeadmsMessage_When_UploadCertsIsNotSet()
    {
        var run = await new CliHarness().RunAsync("init", "--dry-run", "--skip-phases", string.Join(',', AllPhasesButUploadCerts), "-v", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[upload-certs] Skipping phase. Please see --upload-certs", run.Output);
        Assert.Contains("[phase-timing] upload-certs", run.Output);
    }

    [Fact]
    public async Task Should_HonourSkipPhasesFromConfig_When_FlagIsNotGiven()
    {
        var skip = string.Join("", AllPhasesButUploadCerts.Select(p => $"\n- {p}"));
        var harness = new CliHarness().WithUserFile("init.yaml", $"apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nskipPhases:{skip}\n");

        var run = await harness.RunAsync("init", "--config", "init.yaml", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[upload-certs] Skipping phase", run.Output);
    }

    [Fact]
    public async Task Should_ReportEveryBadFlagValueAndWriteNothing_When_InputIsInvalid()
    {
        var harness = new CliHarness();

        var run = await harness.RunAsync(
            "init", "--apiserver-advertise-address", "300.1.1.1", "--service-cidr", "10.96.0.0/30", "--node-name", "Bad_Name");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("localAPIEndpoint.advertiseAddress", run.Error);
        Assert.Contains("300.1.1.1", run.Error);
        Assert.Contains("networking.serviceSubnet", run.Error);
        Assert.Contains("nodeRegistration.name", run.Error);
        Assert.Empty(harness.FileSystem.ListAllFiles());
        Assert.Empty(harness.Services.Calls);
    }

    [Fact]
    public async Task Should_ExplainHowToFix_When_NoDefaultRouteExists()
    {
        var harness = new CliHarness { DefaultRouteAddress = null };

        var run = await harness.RunAsync("init", "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--apiserver-advertise-address", run.Error);
    }

    [Fact]
    public async Task Should_RunOnlyTheNamedSubPhase_When_APhaseCommandIsUsed()
    {
        var run = await new CliHarness().RunAsync("init", "phase", "kubeconfig", "scheduler", "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error execution phase kubeconfig/scheduler:", run.Error);
    }

    [Fact]
    public async Task Should_RejectBadTokenTtl_When_ItIsNotADuration()
    {
        var run = await new CliHarness().RunAsync("init", "--token-ttl", "forever", "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--token-ttl", run.Error);
        Assert.Contains("forever", run.Error);
    }
}
