namespace Kubeadm.Workflow.Tests;

public sealed class SelectTests
{
    public static TheoryData<string[], string[], string[]> Selections => new()
    {
        // filter, skip, expected selection
        { [], [], ["foo", "foo/bar", "foo/baz", "qux"] },
        { ["foo/baz", "qux"], [], ["foo/baz", "qux"] },
        { ["foo"], [], ["foo", "foo/bar", "foo/baz"] },
        { [], ["foo/bar", "qux"], ["foo", "foo/baz"] },
        { [], ["foo"], ["qux"] },
        { ["foo"], ["foo/bar"], ["foo", "foo/baz"] },
        { ["foo", "foo/bar"], [], ["foo", "foo/bar", "foo/baz"] },
    };

    [Theory]
    [MemberData(nameof(Selections))]
    public void Should_SelectExpectedPhases_When_FilterAndSkipGiven(string[] filter, string[] skip, string[] expected)
    {
        var runner = TestPhases.Runner(TestPhases.FooBarBazQux());

        var selection = runner.Select(filter, skip);

        Assert.Equal(expected, selection.SelectedPaths.ToArray());
    }

    [Fact]
    public void Should_ReportOnlyFilteredPhasesAsSkipped_When_SkipOverlapsFilter()
    {
        var runner = TestPhases.Runner(TestPhases.FooBarBazQux());

        var selection = runner.Select(["foo"], ["foo/bar", "qux"]);

        Assert.Equal(["foo/bar"], selection.SkippedPaths.ToArray());
        Assert.True(selection.IsSkippedByUser("foo/bar"));
        Assert.False(selection.IsSkippedByUser("qux"));
    }

    public static TheoryData<string[], string[], string> InvalidNames => new()
    {
        { ["invalid"], [], "invalid" },
        { [], ["invalid"], "invalid" },
        { ["Foo"], [], "Foo" },
        { [], ["bar"], "bar" },
        { ["foo/"], [], "foo/" },
    };

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void Should_ThrowUnknownPhase_When_NameIsNotAPhasePath(string[] filter, string[] skip, string invalid)
    {
        var runner = TestPhases.Runner(TestPhases.FooBarBazQux());

        var error = Assert.Throws<UnknownPhaseException>(() => runner.Select(filter, skip));

        Assert.Equal($"invalid phase name: {invalid}", error.Message);
        Assert.Equal(invalid, error.PhaseName);
        Assert.Equal(["foo", "foo/bar", "foo/baz", "qux"], error.ValidPhaseNames.ToArray());
    }

    [Fact]
    public void Should_NotBuildContext_When_Selecting()
    {
        var built = 0;
        var runner = new PhaseRunner<CallLog>(TestPhases.FooBarBazQux(), () =>
        {
            built++;
            return new CallLog();
        });

        runner.Select(["foo"], ["qux"]);
        runner.Help("init");

        Assert.Equal(0, built);
        Assert.False(runner.IsContextCreated);
    }
}
