namespace Kubeadm.Workflow.Tests;

/// <summary>Builders for the small phase trees used by the tests.</summary>
internal static class TestPhases
{
    public static Phase<CallLog> Container(string name, params Phase<CallLog>[] children) =>
        new() { Name = name, Short = $"long description for {name} ...", Children = [.. children] };

    public static Phase<CallLog> Recording(string name, Func<CallLog, bool>? runIf = null, params Phase<CallLog>[] children) =>
        Container(name, children) with
        {
            RunIf = runIf,
            Run = (log, _) =>
            {
                log.Calls.Add(name);
                return Task.CompletedTask;
            },
        };

    public static Phase<CallLog> All() => new() { Name = "all", Short = "Run all phases", RunAllSiblings = true };

    /// <summary>foo (bar, baz), qux — kubeadm runner_test's tree.</summary>
    public static Phase<CallLog>[] FooBarBazQux() =>
        [Container("foo", Container("bar"), Container("baz")), Container("qux")];

    public static PhaseRunner<CallLog> Runner(params Phase<CallLog>[] phases) => new(phases, () => new CallLog());
}
