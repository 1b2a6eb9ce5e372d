using Kubeadm.App.Init;
using Kubeadm.App.Tests.Certs;
using Kubeadm.Core.Host;
using Kubeadm.Workflow;

namespace Kubeadm.App.Tests.Init;

/// <summary>Which keys a run starts as soon as its configuration is loaded: those of its selected phases, nothing else.</summary>
public sealed class InitKeysTests
{
    private static readonly string[] CertKeys =
    [
        "ca", "apiserver", "apiserver-kubelet-client", "front-proxy-ca", "front-proxy-client", "etcd/ca", "etcd/server",
        "etcd/peer", "etcd/healthcheck-client", "apiserver-etcd-client", "sa",
    ];

    private static readonly string[] KubeconfigKeys =
        ["kubeconfig/admin.conf", "kubeconfig/super-admin.conf", "kubeconfig/kubelet.conf", "kubeconfig/controller-manager.conf", "kubeconfig/scheduler.conf"];

    [Fact]
    public void Should_StartEveryKeyOfTheRun_When_TheWholeInitRuns()
    {
        Assert.Equal(Sorted([.. CertKeys, .. KubeconfigKeys]), Started(runner => runner.Select([], [])));
    }

    [Theory]
    [InlineData("certs/all", "certs")]
    [InlineData("kubeconfig/all", "kubeconfig")]
    public void Should_StartOnlyItsOwnKeys_When_APhaseRunsAlone(string command, string group)
    {
        var expected = group == "certs" ? CertKeys : KubeconfigKeys;

        Assert.Equal(Sorted(expected), Started(runner => runner.Select([runner.FilterForPhaseCommand(command)], [])));
    }

    [Fact]
    public void Should_StartOneKey_When_OneSubPhaseRuns()
    {
        Assert.Equal(["apiserver"], Started(runner => runner.Select([runner.FilterForPhaseCommand("certs/apiserver")], [])));
    }

    [Fact]
    public void Should_StartNoKeyForSkippedPhasesOrExistingFiles_When_TheRunHasThem()
    {
        var fileSystem = new InMemoryFileSystem();
        fileSystem.WriteAllText("/etc/kubernetes/scheduler.conf", "existing", FileModes.Private);

        var started = Started(runner => runner.Select([], ["certs/sa", "etcd", "kubeconfig/admin"]), fileSystem);

        Assert.DoesNotContain("sa", started);
        Assert.DoesNotContain("kubeconfig/admin.conf", started);
        Assert.DoesNotContain("kubeconfig/scheduler.conf", started);
        Assert.Contains("kubeconfig/kubelet.conf", started);
        Assert.Contains("etcd/ca", started);
    }

    private static string[] Sorted(string[] names) => [.. names.Order(StringComparer.Ordinal)];

    private static string[] Started(Func<PhaseRunner<InitContext>, PhaseSelection> select, IFileSystem? fileSystem = null)
    {
        var fixture = new CertsFixture(fileSystem);
        var context = fixture.NewContext();
        var runner = new PhaseRunner<InitContext>(InitPhaseTree.Create(), () => context);
        InitKeys.StartFor(context, select(runner));
        try
        {
            return [.. context.Pki.Keys.Pending.Order(StringComparer.Ordinal)];
        }
        finally
        {
            context.Pki.Dispose();
        }
    }
}
