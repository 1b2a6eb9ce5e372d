using static Kubeadm.Workflow.Tests.TestPhases;

namespace Kubeadm.Workflow.Tests;

public sealed class PhaseTreeTests
{
    [Fact]
    public void Should_FlattenToLowerCaseSlashPaths_When_TreeIsNested()
    {
        var runner = Runner(
            Container("Preflight"),
            Container("certs", All(), Container("apiserver-etcd-client")),
            Container("addon", Container("kube-proxy [args]")));

        Assert.Equal(
            [
                ("preflight", "preflight", 0, null, "preflight"),
                ("certs", "certs", 0, null, "certs"),
                ("certs/all", "/all", 1, "certs", "certs"),
                ("certs/apiserver-etcd-client", "/apiserver-etcd-client", 1, "certs", "certs/apiserver-etcd-client"),
                ("addon", "addon", 0, null, "addon"),
                ("addon/kube-proxy", "/kube-proxy", 1, "addon", "addon/kube-proxy"),
            ],
            runner.Nodes.Select(n => (n.Path, n.Use, n.Depth, n.Parent?.Path, n.CommandFilter)));
    }

    public static TheoryData<Phase<CallLog>[], string> InvalidTrees => new()
    {
        { [Container("a"), Container("A")], "duplicate phase name: a" },
        { [Container("a", All() with { Run = (_, _) => Task.CompletedTask })], "phase marked as RunAllSiblings can not have Run functions a/all" },
        { [Container("a", All() with { RunIf = _ => true })], "phase marked as RunAllSiblings can not have Run functions a/all" },
        { [All()], "phase marked as RunAllSiblings must be nested: all" },
        { [Container("a") with { Dependencies = ["nope"] }], "phase a depends on unknown phase nope" },
        { [Container("a", Container(" x"))], "phase under \"a\" has an empty name" },
    };

    [Theory]
    [MemberData(nameof(InvalidTrees))]
    public void Should_RejectTree_When_DefinitionIsInvalid(Phase<CallLog>[] phases, string expectedMessage)
    {
        var error = Assert.Throws<ArgumentException>(() => Runner(phases));

        Assert.Equal(expectedMessage, error.Message);
    }

    [Fact]
    public void Should_ExposeCliMetadata_When_PhaseDeclaresIt()
    {
        var runner = Runner(Container("certs") with { Aliases = ["cert"], InheritFlags = ["config"], Example = "ex", Long = "long" });

        var phase = Assert.Single(runner.Nodes).Phase;

        Assert.Equal(["cert"], phase.Aliases.ToArray());
        Assert.Equal(["config"], phase.InheritFlags.ToArray());
        Assert.Equal(("ex", "long"), (phase.Example, phase.Long));
    }
}
