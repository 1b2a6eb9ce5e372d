using System.Diagnostics;
using Kubeadm.App.Host;
using Kubeadm.App.Init;
using Kubeadm.Core.Host;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>
/// One control plane for all of <see cref="ClusterPhasesEndToEndTests"/>: our certs, kubeconfig, etcd and
/// control-plane phases write a --rootfs, the process kubelet runs it (plus a stub kubelet healthz), and then every
/// cluster phase of `kubeadm init` runs once, in kubeadm's order, through <see cref="KubeadmCli.RunAsync"/>. The tests
/// then look at the result with real components. Does nothing when the binaries are missing (the tests are skipped).
/// </summary>
#pragma warning disable CA1001 // Disposed in IAsyncLifetime.DisposeAsync, which xunit calls.
public sealed class ClusterPhasesFixture : IAsyncLifetime
#pragma warning restore CA1001
{
    public const string NodeName = "kubeadm-e2e-node";

    /// <summary>A fixed token so a re-run of bootstrap-token updates the same Secret.</summary>
    public const string Token = "e2e0ab.0123456789abcdef";

    /// <summary>The cluster phases after wait-control-plane, as `kubeadm init` runs them.</summary>
    public static readonly string[][] ClusterPhases =
    [
        ["upload-config", "all"],
        ["upload-certs", "--upload-certs"],
        ["mark-control-plane"],
        ["bootstrap-token"],
        ["addon", "all"],
        ["show-join-command"],
    ];

    private readonly string _work = Directory.CreateTempSubdirectory("kubeadm-cluster-phases-").FullName;
    private ProcessKubelet? _controlPlane;
    private KubeletHealthzStub? _kubeletHealthz;

    public string Rootfs => Path.Combine(_work, "rootfs");

    public string Work => _work;

    public string ConfigPath => Path.Combine(_work, "kubeadm.yaml");

    internal ProcessKubelet ControlPlane => _controlPlane ?? throw new InvalidOperationException("control plane not started");

    internal KubeletHealthzStub KubeletHealthz => _kubeletHealthz ?? throw new InvalidOperationException("no kubelet healthz");

    /// <summary>stdout of the first run of each cluster phase, keyed by the phase path ("upload-config all").</summary>
    public Dictionary<string, string> FirstRun { get; } = new(StringComparer.Ordinal);

    /// <summary>The first run of wait-control-plane (see <see cref="InitializeAsync"/> for why it is kept apart).</summary>
    public CliRun WaitControlPlane { get; private set; } = new(-1, "", "");

    /// <summary>The certificate key printed by the latest upload-certs run (a re-run makes a new one).</summary>
    public string CertificateKey { get; set; } = "";

    public TimeSpan StartupTime { get; private set; }

    public TimeSpan FirstRunTime { get; private set; }

    public async Task InitializeAsync()
    {
        if (K8sTestBinaries.MissingReason() is not null)
        {
            // xunit builds the fixture even when every test is skipped; under CI=true nothing is skipped and the
            // tests must fail with the reason.
            if (K8sTestBinaries.MustRun)
            {
                K8sTestBinaries.Require();
            }

            return;
        }

        var clock = Stopwatch.StartNew();
        _kubeletHealthz = new KubeletHealthzStub(ProcessKubelet.FreePort());
        await File.WriteAllTextAsync(ConfigPath, $"""
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: InitConfiguration
            bootstrapTokens:
            - token: {Token}
              description: e2e token
            timeouts:
              kubeletHealthCheck: 30s
              controlPlaneComponentHealthCheck: 15s
            localAPIEndpoint:
              advertiseAddress: 127.0.0.1
              bindPort: {ProcessKubelet.FreePort()}
            nodeRegistration:
              name: {NodeName}
              criSocket: unix:///var/run/containerd/containerd.sock
            ---
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ClusterConfiguration
            kubernetesVersion: v1.34.2
            controllerManager:
              extraArgs:
              - name: secure-port
                value: "{ProcessKubelet.FreePort()}"
            scheduler:
              extraArgs:
              - name: secure-port
                value: "{ProcessKubelet.FreePort()}"
            ---
            apiVersion: kubelet.config.k8s.io/v1beta1
            kind: KubeletConfiguration
            healthzPort: {_kubeletHealthz.Port}
            """);
        foreach (var phase in new[] { "certs", "kubeconfig", "etcd", "control-plane" })
        {
            await MustRunAsync("init", "phase", phase, phase == "etcd" ? "local" : "all");
        }

        _controlPlane = await ProcessKubelet.StartAsync(new ProcessKubeletOptions
        {
            Rootfs = Rootfs,
            WorkDir = Path.Combine(_work, "run"),
            NodeName = NodeName,
        });
        StartupTime = clock.Elapsed;

        // kubeadm 1.34 checks the scheduler at /livez, which kube-scheduler 1.20 does not serve (404): with the test
        // binaries this phase can only fail on the scheduler, after controlPlaneComponentHealthCheck (15 s). The test
        // checks everything else it did.
        WaitControlPlane = await RunAsync("init", "phase", "wait-control-plane");
        foreach (var phase in ClusterPhases)
        {
            var output = await MustRunAsync(["init", "phase", .. phase]);
            FirstRun[string.Join(' ', phase.TakeWhile(p => !p.StartsWith('-')))] = output;
        }

        CertificateKey = ParseCertificateKey(FirstRun["upload-certs"]);
        FirstRunTime = clock.Elapsed - StartupTime;
    }

    public async Task DisposeAsync()
    {
        if (_controlPlane is not null)
        {
            await _controlPlane.DisposeAsync();
        }

        if (_kubeletHealthz is not null)
        {
            await _kubeletHealthz.DisposeAsync();
        }

        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // etcd may still be closing files; the temp dir is left behind then.
        }
    }

    /// <summary>The line after "[upload-certs] Using certificate key:".</summary>
    public static string ParseCertificateKey(string uploadCertsOutput)
    {
        var lines = uploadCertsOutput.ReplaceLineEndings("\n").Split('\n');
        var index = Array.IndexOf(lines, "[upload-certs] Using certificate key:");
        Assert.True(index >= 0 && index + 1 < lines.Length, "no certificate key in:\n" + uploadCertsOutput);
        return lines[index + 1].Trim();
    }

    /// <summary>kubeadm with this fixture's --rootfs (and --config for `init`), failing the test on a non-zero exit.</summary>
    public async Task<string> MustRunAsync(params string[] args)
    {
        var run = await RunAsync(args);
        Assert.True(run.ExitCode == 0, $"kubeadm {string.Join(' ', args)} exited {run.ExitCode}:\n{run.Output}\n{run.Error}\n{_controlPlane?.LogTails()}");
        return run.Output;
    }

    /// <summary>kubeadm with this fixture's --rootfs (and --config for `init phase`).</summary>
    public async Task<CliRun> RunAsync(params string[] args)
    {
        string[] full = args[0] == "init" ? [.. args, "--rootfs", Rootfs, "--config", ConfigPath] : [.. args, "--rootfs", Rootfs];
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var environment = new InitEnvironment
        {
            Out = stdout,
            Err = stderr,
            FileSystemFor = rootfs => new PhysicalFileSystem(rootfs),
            HostInfoFor = _ => new FixedHostInfo(NodeName, System.Net.IPAddress.Loopback),
            ServiceManager = () => new RecordingServiceManager(),
            GetEnvironmentVariable = _ => null,
        };
        var exitCode = await KubeadmCli.RunAsync(full, environment);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>kubectl as super-admin; fails the test on a non-zero exit.</summary>
    public async Task<string> KubectlAsync(params string[] args)
    {
        var result = await ControlPlane.KubectlAsync(args);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)}: {result.Output}{result.Error}\n{ControlPlane.LogTails()}");
        return result.Output.Trim();
    }

    /// <summary>Runs a command (openssl, sh), failing the test on a non-zero exit; returns stdout.</summary>
    public static async Task<string> ToolAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await error}");
        return (await output).Trim();
    }
}
