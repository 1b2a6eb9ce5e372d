using static Kubeadm.Workflow.Tests.TestPhases;

namespace Kubeadm.Workflow.Tests;

public sealed class DependencyTests
{
    private static PhaseRunner<CallLog> DependentRunner() => Runner(
        Container("certs", Container("ca"), Container("apiserver") with { Dependencies = ["certs/ca"] }),
        Container("kubeconfig") with { Dependencies = ["certs", "preflight"] },
        Container("preflight"));

    public static TheoryData<string[], string[], string?> Cases => new()
    {
        // filter, skip, expected message (null: valid)
        { ["certs"], [], null },
        { ["certs"], ["certs/apiserver"], null },
        { ["certs/ca", "certs/apiserver"], [], null },
        { [], ["certs/ca"], "unresolved dependencies:\n\tmissing [certs/ca] phase(s) needed by \"certs/apiserver\" phase\n\tmissing [preflight] phase(s) needed by \"kubeconfig\" phase" },
        { ["kubeconfig"], [], "unresolved dependencies:\n\tmissing [certs preflight] phase(s) needed by \"kubeconfig\" phase" },
        { ["certs/apiserver"], [], "unresolved dependencies:\n\tmissing [certs/ca] phase(s) needed by \"certs/apiserver\" phase" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_RejectSelection_When_DependencyIsNotSelectedBefore(string[] filter, string[] skip, string? expectedMessage)
    {
        var runner = DependentRunner();

        var error = Record.Exception(() => runner.Select(filter, skip));

        if (expectedMessage is null)
        {
            Assert.Null(error);
            return;
        }

        Assert.Equal(expectedMessage, Assert.IsType<PhaseDependencyException>(error).Message);
    }

    [Fact]
    public void Should_NameDependantAndDependency_When_UserSkipsDependency()
    {
        var runner = Runner(Container("a"), Container("b") with { Dependencies = ["a"] });

        var error = Assert.Throws<PhaseDependencyException>(() => runner.Select([], ["a"]));

        Assert.Equal([new MissingDependency("b", ["a"])], error.Missing, MissingDependencyComparer.Instance);
    }

    private sealed class MissingDependencyComparer : IEqualityComparer<MissingDependency>
    {
        public static readonly MissingDependencyComparer Instance = new();

        public bool Equals(MissingDependency? x, MissingDependency? y) =>
            x?.PhasePath == y?.PhasePath && (x?.Dependencies ?? []).SequenceEqual(y?.Dependencies ?? []);

        public int GetHashCode(MissingDependency obj) => obj.PhasePath.GetHashCode(StringComparison.Ordinal);
    }
}
