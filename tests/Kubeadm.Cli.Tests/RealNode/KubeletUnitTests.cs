namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>The systemd reading of kubelet.service + kubeadm's drop-in that the real-node kubelet launcher relies on.</summary>
public sealed class KubeletUnitTests
{
    private static readonly KubeletUnit Unit = KubeletUnit.Parse(KubeletUnit.KubeletService, KubeletUnit.KubeadmDropIn);

    [Fact]
    public void Should_RunTheDropInsCommandWithItsVariablesSplitIntoWords_When_KubeadmHasWrittenItsFlags()
    {
        var files = new Dictionary<string, string>
        {
            ["/var/lib/kubelet/kubeadm-flags.env"] = "KUBELET_KUBEADM_ARGS=\"--container-runtime-endpoint=unix:///run/c.sock --pod-infra-container-image=r/pause:3.10.1\"\n",
        };

        var (argv, variables) = Unit.CommandLine(path => files.GetValueOrDefault(path));

        Assert.Equal(
            [
                "/usr/bin/kubelet",
                "--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf", "--kubeconfig=/etc/kubernetes/kubelet.conf",
                "--config=/var/lib/kubelet/config.yaml",
                "--container-runtime-endpoint=unix:///run/c.sock", "--pod-infra-container-image=r/pause:3.10.1",
            ],
            argv);
        Assert.Equal("--config=/var/lib/kubelet/config.yaml", variables["KUBELET_CONFIG_ARGS"]);
        Assert.Equal(TimeSpan.FromSeconds(10), Unit.RestartSec);
    }

    [Fact]
    public void Should_LetExtraArgsComeLast_And_SkipMissingOptionalFiles()
    {
        var files = new Dictionary<string, string> { ["/etc/default/kubelet"] = "# user flags\nKUBELET_EXTRA_ARGS='--v=4 --node-ip=192.0.2.10'\n" };

        var (argv, _) = Unit.CommandLine(path => files.GetValueOrDefault(path));

        Assert.Equal(["--v=4", "--node-ip=192.0.2.10"], argv.TakeLast(2));
        Assert.DoesNotContain(argv, a => a.Length == 0);
    }

    [Fact]
    public void Should_KeepABracedVariableAsOneWord_And_ClearExecStartOnAnEmptyAssignment()
    {
        var unit = KubeletUnit.Parse(
            "[Service]\nExecStart=/bin/false\n",
            "[Service]\nEnvironment=\"A=x y\" B=z\nEnvironmentFile=/etc/required\nExecStart=\nExecStart=/bin/k ${A} $B $UNSET --name=${B}1\n");

        var (argv, _) = unit.CommandLine(path => path == "/etc/required" ? "B=\"q \\\"r\\\"\"" : null);

        Assert.Equal(["/bin/k", "x y", "q", "\"r\"", "--name=q \"r\"1"], argv);
        Assert.Throws<FileNotFoundException>(() => unit.CommandLine(_ => null));
    }
}
