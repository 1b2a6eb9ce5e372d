namespace Kubeadm.Cli.Tests.Upgrade;

public sealed class UpgradeApplyCommandTests
{
    [Fact]
    public async Task Apply_help_lists_kubeadms_phases_in_order()
    {
        var run = await new CliHarness().RunAsync("upgrade", "apply", "--help");

        Assert.Equal(0, run.ExitCode);
        var phases = new[] { "preflight ", "control-plane ", "upload-config ", "/kubeadm ", "/kubelet ", "kubelet-config ", "bootstrap-token ", "addon ", "/coredns ", "/kube-proxy ", "post-upgrade " };
        var positions = phases.Select(p => run.Output.IndexOf("  " + p, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        foreach (var flag in new[] { "--etcd-upgrade", "--certificate-renewal", "--allow-experimental-upgrades", "--allow-release-candidate-upgrades", "--print-config", "--skip-phases", "-y, --yes", "-f, --force", "--patches" })
        {
            Assert.Contains(flag, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Node_help_lists_its_phases()
    {
        var run = await new CliHarness().RunAsync("upgrade", "node", "phase", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var phase in new[] { "preflight", "control-plane", "kubelet-config", "addon", "post-upgrade" })
        {
            Assert.Contains(phase, run.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("apply")]
    [InlineData("node")]
    public async Task The_kubeconfig_phase_is_hidden_and_has_no_sub_command_as_in_kubeadm(string command)
    {
        var help = await new CliHarness().RunAsync("upgrade", command, "phase", "--help");
        var run = await new CliHarness().RunAsync("upgrade", command, "phase", "kubeconfig");

        Assert.Equal(0, help.ExitCode);
        Assert.DoesNotContain("kubeconfig ", help.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_without_a_version_says_so_and_touches_nothing()
    {
        var harness = new CliHarness();

        var run = await harness.RunAsync("upgrade", "apply", "-y");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("missing one or more required arguments: [version]", run.Error, StringComparison.Ordinal);
        Assert.Empty(harness.FileSystem.ListAllFiles());
    }

    [Fact]
    public async Task Apply_names_a_bad_output_format()
    {
        var run = await new CliHarness().RunAsync("upgrade", "apply", "v1.34.2", "-o", "xml");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("invalid value \"xml\" for flag -o/--output: must be one of text, json, yaml", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_without_admin_conf_names_the_kubeconfig()
    {
        var run = await new CliHarness().RunAsync("upgrade", "apply", "v1.34.2", "-y");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("couldn't create a Kubernetes client from file \"/etc/kubernetes/admin.conf\"", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_upgrade_configuration_is_one_clear_error()
    {
        var harness = new CliHarness().WithUserFile("/cfg/upgrade.yaml", "apiVersion: kubeadm.k8s.io/v1beta4\nkind: UpgradeConfiguration\napply:\n  forceUpgrad: true\n");

        var run = await harness.RunAsync("upgrade", "apply", "v1.34.2", "--config", "/cfg/upgrade.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("forceUpgrad", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
