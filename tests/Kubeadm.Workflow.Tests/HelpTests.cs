using static Kubeadm.Workflow.Tests.TestPhases;

namespace Kubeadm.Workflow.Tests;

public sealed class HelpTests
{
    [Fact]
    public void Should_RenderPhaseList_When_HelpRequested()
    {
        var runner = Runner(
            Container("foo", Container("bar [arg]"), Container("baz") with { Hidden = true }),
            Container("qux"));

        var help = runner.Help("myCommand");

        Assert.Equal(
            "Phases of \"myCommand\", in the order they run:\n" +
            "  foo   long description for foo ...\n" +
            "    /bar  long description for bar [arg] ...\n" +
            "  qux   long description for qux ...",
            help);
    }

    [Fact]
    public void Should_OmitAllMarkerAndIndentByDepth_When_TreeIsNested()
    {
        var runner = Runner(
            Container("preflight"),
            Container("certs", All(), Container("ca"), Container("apiserver-etcd-client")),
            Container("addon", Container("coredns", Container("deep"))));

        var help = runner.Help("init");

        Assert.Equal(
            "Phases of \"init\", in the order they run:\n" +
            "  preflight               long description for preflight ...\n" +
            "  certs                   long description for certs ...\n" +
            "    /ca                     long description for ca ...\n" +
            "    /apiserver-etcd-client  long description for apiserver-etcd-client ...\n" +
            "  addon                   long description for addon ...\n" +
            "    /coredns                long description for coredns ...\n" +
            "      /deep                   long description for deep ...",
            help);
    }
}
