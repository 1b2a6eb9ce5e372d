using Kubeadm.Core.Preflight;

namespace Kubeadm.Core.Tests.Preflight;

public sealed class PreflightChecksRunnerTests
{
    private static readonly PreflightCheck[] Checks =
    [
        PreflightCheck.Of("Swap", () => CheckOutcome.Warning("swap is on")),
        PreflightCheck.Of("NumCPU", () => CheckOutcome.Error("too few CPUs")),
        PreflightCheck.Of("Port-6443", () => CheckOutcome.Passed),
        PreflightCheck.Of("Mem", () => new CheckOutcome(["low"], ["too little"])),
    ];

    [Fact]
    public async Task Should_PrintWarningsThenTheErrorBlockAndFixes_When_ChecksFail()
    {
        var err = new StringWriter();

        var report = await PreflightChecksRunner.RunAsync(Checks, IgnoredPreflightErrors.None, err, default);

        Assert.True(report.Failed);
        Assert.Equal(
            "\t[WARNING Swap]: swap is on\n"
            + "\t[WARNING Mem]: low\n"
            + "[preflight] Some fatal errors occurred:\n"
            + "\t[ERROR NumCPU]: too few CPUs\n"
            + "\t[ERROR Mem]: too little\n"
            + "[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`\n"
            + "[preflight] How to fix the 2 failed check(s):\n"
            + "\t- NumCPU: give the machine at least 2 CPUs\n"
            + "\t- Mem: give the machine at least 1700 MB of memory\n",
            err.ToString());
    }

    [Fact]
    public async Task Should_ReportErrorsAsWarnings_When_IgnoredByNameInAnyCase()
    {
        var err = new StringWriter();

        var report = await PreflightChecksRunner.RunAsync(Checks, new IgnoredPreflightErrors(["numcpu", "MEM"]), err, default);

        Assert.False(report.Failed);
        Assert.Equal("\t[WARNING Swap]: swap is on\n\t[WARNING NumCPU]: too few CPUs\n\t[WARNING Mem]: low\n\t[WARNING Mem]: too little\n", err.ToString());
    }

    [Fact]
    public async Task Should_FailNothing_When_AllIsIgnored()
    {
        var report = await PreflightChecksRunner.RunAsync(Checks, new IgnoredPreflightErrors(["all"]), TextWriter.Null, default);

        Assert.False(report.Failed);
        Assert.Equal(4, report.Warnings.Count);
    }

    [Fact]
    public async Task Should_RunChecksInOrder_When_Given()
    {
        var order = new List<string>();
        PreflightCheck Record(string name) => PreflightCheck.Of(name, () =>
        {
            order.Add(name);
            return CheckOutcome.Passed;
        });

        await PreflightChecksRunner.RunAsync([Record("b"), Record("a"), Record("c")], IgnoredPreflightErrors.None, TextWriter.Null, default);

        Assert.Equal(["b", "a", "c"], order);
    }

    [Theory]
    [InlineData("Port-2379", "stop the process listening on port 2379")]
    [InlineData("FileExisting-nsenter", "install 'nsenter'")]
    [InlineData("Something-New", "--ignore-preflight-errors=Something-New")]
    public void Should_GiveAFixHint_When_AnyCheckFails(string name, string expected) =>
        Assert.Contains(expected, PreflightFixHints.For(name));
}
