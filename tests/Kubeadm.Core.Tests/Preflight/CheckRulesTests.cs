using Kubeadm.Core.Preflight;

namespace Kubeadm.Core.Tests.Preflight;

public sealed class CheckRulesTests
{
    [Fact]
    public void Should_PassMemory_When_MemTotalIsEnough() =>
        Assert.Empty(NodeResources.CheckMemory("MemTotal:        1740800 kB\n").Errors);

    [Fact]
    public void Should_ReportBothErrors_When_MemInfoIsMissing() =>
        Assert.Equal(2, NodeResources.CheckMemory(null).Errors.Count);

    [Theory]
    [InlineData(2, 0)]
    [InlineData(1, 1)]
    public void Should_RequireTwoCpus_When_Checked(int cpus, int errors) => Assert.Equal(errors, NodeResources.CheckCpus(cpus).Errors.Count);

    [Theory]
    [InlineData(null, 0)]
    [InlineData("Filename Type Size Used Priority\n", 0)]
    [InlineData("Filename Type Size Used Priority\n/dev/sda2 partition 1 0 -2\n", 1)]
    public void Should_WarnOnlyAboutActiveSwap_When_ProcSwapsIsRead(string? swaps, int warnings) =>
        Assert.Equal(warnings, HostFileRules.CheckSwaps(swaps).Warnings.Count);

    [Theory]
    [InlineData("v1.34.2", 0, 0)]
    [InlineData("v1.35.0-alpha.1", 1, 0)]
    [InlineData("latest", 0, 1)]
    public void Should_JudgeTheTargetVersion_When_ComparedWithKubeadm(string version, int warnings, int errors)
    {
        var outcome = VersionRules.CheckKubernetesVersion(version);

        Assert.Equal((warnings, errors), (outcome.Warnings.Count, outcome.Errors.Count));
    }

    [Fact]
    public void Should_SayTheKubeadmMinor_When_TheTargetIsNewer() =>
        Assert.Equal(
            "Kubernetes version is greater than kubeadm version. Please consider to upgrade kubeadm. Kubernetes version: 1.35.0. Kubeadm version: 1.34.x",
            Assert.Single(VersionRules.CheckKubernetesVersion("v1.35.0").Warnings));

    [Theory]
    [InlineData("Kubernetes v1.34.2", "1.34.2")]
    [InlineData("  Kubernetes v1.33.0-rc.1+abc \n", "1.33.0-rc.1+abc")]
    [InlineData("kubelet 1.34", null)]
    public void Should_ParseKubeletOutput_When_ItHasKubeletsFormat(string output, string? expected) =>
        Assert.Equal(expected, VersionRules.ParseKubeletVersion(output)?.ToString());

    [Theory]
    [InlineData("3.5.21", 0)]
    [InlineData("3.5.20", 1)]
    [InlineData("", 1)]
    public void Should_CompareWithTheMinimum_When_EtcdAnswers(string version, int errors) =>
        Assert.Equal(errors, VersionRules.CheckExternalEtcdVersion(version).Errors.Count);

    [Theory]
    [InlineData("node-1", 0)]
    [InlineData("example.com/node", 0)]
    [InlineData("a/b/c", 1)]
    public void Should_ValidateQualifiedNames_When_Checked(string name, int errors) => Assert.Equal(errors, QualifiedName.Errors(name).Count);

    [Fact]
    public void Should_LimitTheNamePart_When_TheNodeNameIsLong() =>
        Assert.Equal(["name part must be no more than 63 characters"], QualifiedName.Errors(new string('a', 64)));

    [Fact]
    public void Should_PassSystemVerification_When_KernelAndCgroupsV2AreFine()
    {
        var result = SystemVerification.Verify("6.1.0\n", "cpuset cpu io memory hugetlb pids\n", null);

        Assert.Empty(result.Outcome.Errors);
        Assert.Empty(result.Outcome.Warnings);
        Assert.Contains("CGROUPS_FREEZER: enabled", result.Report);
    }

    [Fact]
    public void Should_RequireFreezer_When_TheKernelPredatesCgroupFreeze()
    {
        var result = SystemVerification.Verify("5.1.0", "cpuset cpu memory hugetlb pids", null);

        Assert.Equal(["missing required cgroups: freezer"], result.Outcome.Errors);
    }

    [Fact]
    public void Should_ErrorWithoutKernelRelease_When_ItCannotBeRead() =>
        Assert.Contains(SystemVerification.Verify(null, "cpu cpuset memory pids hugetlb", null).Outcome.Errors, e => e.StartsWith("failed to get kernel release"));
}
