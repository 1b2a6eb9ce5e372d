using Kubeadm.Core.Upgrade;

namespace Kubeadm.Core.Tests.Upgrade;

public sealed class UpgradeVersionPolicyTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Kubelets133 =
        new Dictionary<string, IReadOnlyList<string>> { ["v1.33.5"] = ["cp-1", "worker-1"] };

    private static UpgradeVersionInputs Inputs(string target, string cluster = "v1.33.5", string kubeadm = "v1.34.2") => new()
    {
        TargetVersion = target,
        ClusterVersion = cluster,
        KubeadmVersion = kubeadm,
        KubeletVersions = Kubelets133,
    };

    [Theory]
    [InlineData("v1.34.2")]
    [InlineData("v1.34.0")]
    public void Should_FindNothing_When_TargetIsOneMinorUpWithinKubeadmsMinor(string target)
    {
        var findings = UpgradeVersionPolicy.Check(Inputs(target));

        Assert.True(findings.IsClean, string.Join("; ", findings.Mandatory.Concat(findings.Skippable)));
        Assert.Null(findings.ErrorMessage(force: false));
    }

    [Fact]
    public void Should_RefuseMandatorily_When_AReleaseSkipsAMinor()
    {
        var findings = UpgradeVersionPolicy.Check(Inputs("v1.34.0", cluster: "v1.32.3"));

        Assert.Contains("Specified version to upgrade to \"v1.34.0\" is too high; kubeadm can upgrade only 1 minor version at a time", findings.Mandatory);
        Assert.StartsWith("the version argument is invalid due to these fatal errors:\n\n\t- ", findings.ErrorMessage(force: true), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_OnlyNeedForce_When_APreReleaseSkipsAMinor()
    {
        var findings = UpgradeVersionPolicy.Check(Inputs("v1.34.0-beta.1", cluster: "v1.32.3") with { AllowExperimentalUpgrades = true });

        Assert.Empty(findings.Mandatory);
        Assert.Contains("Specified version to upgrade to \"v1.34.0-beta.1\" is too high; kubeadm can upgrade only 1 minor version at a time", findings.Skippable);
        Assert.EndsWith("Can be bypassed if you pass the --force flag", findings.ErrorMessage(force: false), StringComparison.Ordinal);
        Assert.Null(findings.ErrorMessage(force: true));
        Assert.StartsWith("[upgrade/version] Found 1 potential version compatibility errors", findings.ForcedNotice(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RefuseDowngradeOfTwoMinors_When_Released()
    {
        var findings = UpgradeVersionPolicy.Check(Inputs("v1.33.0", cluster: "v1.35.0", kubeadm: "v1.35.0"));

        Assert.Contains("Specified version to downgrade to \"v1.33.0\" is too low; kubeadm can downgrade only 1 minor version at a time", findings.Mandatory);
    }

    [Fact]
    public void Should_RefuseTargetBelowTheOldestSupportedControlPlane()
    {
        var findings = UpgradeVersionPolicy.Check(Inputs("v1.32.9", cluster: "v1.33.1"));

        Assert.Contains(
            "Specified version to upgrade to \"v1.32.9\" is equal to or lower than the minimum supported version \"v1.33.0\". Please specify a higher version to upgrade to",
            findings.Mandatory);
        Assert.Contains("Kubeadm version v1.34.2 can only be used to upgrade to Kubernetes version 1.34", findings.Skippable);
    }

    [Fact]
    public void Should_RefuseMandatorily_When_TargetMinorIsNewerThanKubeadm()
    {
        var findings = UpgradeVersionPolicy.Check(Inputs("v1.35.0", cluster: "v1.34.2"));

        Assert.Contains(
            "Specified version to upgrade to \"v1.35.0\" is at least one minor release higher than the kubeadm minor release (35 > 34). Such an upgrade is not supported",
            findings.Mandatory);
    }

    [Fact]
    public void Should_OnlyNeedForce_When_TargetPatchIsNewerThanKubeadm()
    {
        var findings = UpgradeVersionPolicy.Check(Inputs("v1.34.7"));

        Assert.Empty(findings.Mandatory);
        Assert.Equal(
            ["Specified version to upgrade to \"v1.34.7\" is higher than the kubeadm version \"v1.34.2\". Upgrade kubeadm first using the tool you used to install kubeadm"],
            findings.Skippable);
    }

    [Theory]
    [InlineData("v1.34.0-rc.1", false, false, true)]
    [InlineData("v1.34.0-rc.1", false, true, false)]
    [InlineData("v1.34.0-rc.1", true, false, false)]
    [InlineData("v1.34.0-beta.2", false, true, true)]
    [InlineData("v1.34.0-beta.2", true, false, false)]
    public void Should_AllowUnstableTargets_OnlyWithTheMatchingFlag(string target, bool experimental, bool rc, bool refused)
    {
        var findings = UpgradeVersionPolicy.Check(Inputs(target) with { AllowExperimentalUpgrades = experimental, AllowReleaseCandidateUpgrades = rc });

        var message = $"Specified version to upgrade to \"{target}\" is an unstable version and such upgrades weren't allowed via setting the --allow-*-upgrades flags";
        Assert.Equal(refused, findings.Skippable.Contains(message));
        Assert.Empty(findings.Mandatory);
    }

    [Fact]
    public void Should_ListKubeletsMoreThanThreeMinorsBehind()
    {
        var kubelets = new Dictionary<string, IReadOnlyList<string>>
        {
            ["v1.30.4"] = ["old-1"],
            ["v1.31.0"] = ["ok-1"],
            ["v1.29.9"] = ["older-1"],
        };

        var findings = UpgradeVersionPolicy.Check(Inputs("v1.34.2") with { KubeletVersions = kubelets });

        Assert.Equal(["There are kubelets in this cluster that are too old that have these versions [v1.29.9 v1.30.4]"], findings.Skippable);
    }

    [Fact]
    public void Should_BeSkippable_When_NodesCouldNotBeListed()
    {
        var findings = UpgradeVersionPolicy.Check(Inputs("v1.34.2") with { KubeletVersions = null, KubeletVersionsError = "nodes is forbidden" });

        Assert.Equal(["Unable to fetch kubelet version: nodes is forbidden"], findings.Skippable);
    }

    [Fact]
    public void Should_StopMandatorily_When_ClusterVersionIsUnknown()
    {
        var findings = UpgradeVersionPolicy.Check(Inputs("v1.34.2") with { ClusterVersion = null, ClusterVersionError = "connection refused" });

        Assert.Equal(["Unable to fetch cluster version: connection refused"], findings.Mandatory);
        Assert.Equal(
            "the version argument is invalid due to these fatal errors:\n\n\t- Unable to fetch cluster version: connection refused\n\nPlease fix the misalignments highlighted above and try upgrading again",
            findings.ErrorMessage(force: false));
    }
}
