using System.Net;
using k8s.Models;
using Kubeadm.App.Init;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Host;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.UploadConfig;

namespace Kubeadm.Cli.Tests;

public sealed class UpgradeCommandTests
{
    private readonly InMemoryFileSystem _fileSystem = new();
    private readonly InMemoryClusterApi _api = new() { ServerVersion = "v1.33.5" };
    private readonly InMemoryPreflightHost _preflight = new();
    private readonly Dictionary<string, string> _userFiles = [];

    public UpgradeCommandTests()
    {
        var config = ConfigDefaults.CreateDefault();
        config.Cluster.KubernetesVersion = "v1.33.5";
        ConfigDefaults.Apply(config);
        _api.Seed(KubeadmConfigMap.Create(config.Cluster));
        _api.Seed(new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = "kube-apiserver-cp-1",
                NamespaceProperty = "kube-system",
                Labels = new Dictionary<string, string> { ["component"] = "kube-apiserver", ["tier"] = "control-plane" },
            },
            Spec = new V1PodSpec { NodeName = "cp-1", Containers = [new V1Container { Name = "kube-apiserver", Image = "registry.k8s.io/kube-apiserver:v1.33.5" }] },
        });
    }

    /// <summary>`upgrade plan` on a control-plane node (its manifests on disk) of a cluster that runs the health-check Job.</summary>
    private async Task<CliRun> PlanAsync(params string[] args)
    {
        foreach (var component in new[] { "kube-apiserver", "kube-controller-manager", "kube-scheduler" })
        {
            _fileSystem.WriteAllText($"/etc/kubernetes/manifests/{component}.yaml", "kind: Pod\n", FileModes.Private);
        }

        using var stop = new CancellationTokenSource();
        var jobs = HealthCheckJobStandIn.RunAsync(_api, stop.Token);
        try
        {
            return await RunAsync(["upgrade", "plan", .. args]);
        }
        finally
        {
            await stop.CancelAsync();
            await jobs;
        }
    }

    private async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new InitEnvironment
        {
            Out = output,
            Err = error,
            FileSystemFor = _ => _fileSystem,
            HostInfoFor = _ => new FixedHostInfo("cp-1", IPAddress.Parse("10.0.0.7")),
            ServiceManager = () => new RecordingServiceManager(),
            PreflightHostFor = _ => _preflight,
            GetEnvironmentVariable = _ => null,
            ClusterClientFor = (_, _) => _api,
            ReadUserFile = path => _userFiles.TryGetValue(path, out var text) ? System.Text.Encoding.UTF8.GetBytes(text) : throw new FileNotFoundException($"open {path}: no such file or directory"),
        };
        var exitCode = await KubeadmCli.RunAsync(args, environment);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Should_ListPlanAndDiff_When_UpgradeHelpIsAsked()
    {
        var run = await RunAsync("upgrade", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Move a kubeadm cluster to a newer Kubernetes version, node by node", run.Output);
        Assert.Contains("plan", run.Output);
        Assert.Contains("diff", run.Output);
    }

    [Fact]
    public async Task Should_PrintThePlanTables_When_TheClusterIsOneMinorBehind()
    {
        var run = await PlanAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Upgrade to the latest version in the v1.33 series:\n\nCOMPONENT", run.Output);
        Assert.Contains("\tkubeadm upgrade apply v1.34.2\n", run.Output);
    }

    [Fact]
    public async Task Should_PrintOnlyTheYamlDocument_When_OutputIsYaml()
    {
        var run = await PlanAsync("-o", "yaml");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("apiVersion: output.kubeadm.k8s.io/v1alpha3\n", run.Output);
        Assert.EndsWith("kind: UpgradePlan\n", run.Output);
    }

    [Fact]
    public async Task Should_PlanTheConfiguredVersion_When_TheUpgradeConfigurationNamesOne_AndTheArgumentWins()
    {
        _userFiles["/root/upgrade.yaml"] = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: UpgradeConfiguration\nplan:\n  kubernetesVersion: v1.34.1\n";

        var fromConfig = await PlanAsync("--config", "/root/upgrade.yaml");
        var fromArgument = await PlanAsync("v1.34.2", "--config", "/root/upgrade.yaml");

        Assert.Equal(0, fromConfig.ExitCode);
        Assert.Contains("\tkubeadm upgrade apply v1.34.1\n", fromConfig.Output);
        Assert.Equal(0, fromArgument.ExitCode);
        Assert.Contains("\tkubeadm upgrade apply v1.34.2\n", fromArgument.Output);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("diff")]
    public async Task Should_RefuseTheConfigFile_When_ItHasAnUnknownField(string subcommand)
    {
        _userFiles["/root/upgrade.yaml"] = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: UpgradeConfiguration\nplan:\n  kubernetesVersoin: v1.34.1\n";

        var run = await RunAsync("upgrade", subcommand, "--config", "/root/upgrade.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("/root/upgrade.yaml", run.Error);
        Assert.Contains("unknown field \"kubernetesVersoin\"", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [InlineData(new[] { "upgrade", "plan", "-o", "wide" }, "unable to match a printer suitable for the output format \"wide\", allowed formats are: text,json,yaml")]
    [InlineData(new[] { "upgrade", "plan", "v1.34.1", "v1.34.2" }, "accepts at most 1 arg(s), received 2")]
    [InlineData(new[] { "upgrade", "plan", "one.two" }, "version \"one.two\" doesn't match patterns for neither semantic version nor labels")]
    [InlineData(new[] { "upgrade", "diff", "v1.34.2" }, "the manifest file \"/etc/kubernetes/manifests/kube-apiserver.yaml\" does not exist")]
    public async Task Should_FailWithOneClearLine_When_TheInputIsWrong(string[] args, string message)
    {
        var run = await RunAsync(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Should_RunTheClusterHealthChecks_AndHonourTheIgnoredNamesAndTheApiCallTimeout_When_NoJobRuns()
    {
        _userFiles["/root/upgrade.yaml"] = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: UpgradeConfiguration\n"
            + "plan:\n  ignorePreflightErrors:\n  - StaticPodManifest\ntimeouts:\n  kubernetesAPICall: 200ms\n";

        var refused = await RunAsync("upgrade", "plan", "--config", "/root/upgrade.yaml");
        var ignored = await RunAsync("upgrade", "plan", "--config", "/root/upgrade.yaml", "--ignore-preflight-errors=CreateJob");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("[upgrade] Running cluster health checks\n", refused.Output);
        Assert.Contains("\t[ERROR CreateJob]: Job \"upgrade-health-check\" in the namespace \"kube-system\" did not complete in 200ms", refused.Error);
        Assert.Contains("\t[WARNING StaticPodManifest]: The control plane seems to be Static Pod-hosted", refused.Error);
        Assert.Contains("[upgrade/health] FATAL", refused.Error);
        Assert.DoesNotContain("   at ", refused.Error);
        Assert.Equal(0, ignored.ExitCode);
        Assert.Contains("\t[WARNING CreateJob]: Job \"upgrade-health-check\"", ignored.Error);
        Assert.Contains("\tkubeadm upgrade apply v1.34.2\n", ignored.Output);
    }
}
