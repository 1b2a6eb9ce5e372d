using System.Text;
using System.Text.Json.Nodes;
using Kubeadm.Core.Plan;

namespace Kubeadm.Core.Tests.Plan;

public sealed class ChangeDecisionTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Public = Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    [Fact]
    public void File_Should_BeCreate_When_AbsentOnTheNode() =>
        Assert.Equal(PlanAction.Create, FileChangeDecision.Decide(null, default, "a"u8, Private, showContent: true).Action);

    [Fact]
    public void File_Should_BeUnchanged_When_SameBytesAndMode() =>
        Assert.Equal(PlanAction.Unchanged, FileChangeDecision.Decide("a\nb\n"u8.ToArray(), Private, "a\nb\n"u8, Private, showContent: true).Action);

    [Fact]
    public void File_Should_BeAnUpdateWithALineDiff_When_ContentDiffers()
    {
        var decision = FileChangeDecision.Decide("x: 1\ny: 2\nz: 3\n"u8.ToArray(), Private, "x: 1\ny: 5\nz: 3\n"u8, Private, showContent: true);
        Assert.Equal(PlanAction.Update, decision.Action);
        Assert.Equal(["- y: 2", "+ y: 5"], decision.Diff);
    }

    [Fact]
    public void File_Should_BeAnUpdate_When_OnlyTheModeDiffers()
    {
        var decision = FileChangeDecision.Decide("a"u8.ToArray(), Public, "a"u8, Private, showContent: true);
        Assert.Equal(PlanAction.Update, decision.Action);
        Assert.Equal(["~ mode 0644 -> 0600"], decision.Diff);
    }

    [Fact]
    public void File_Should_NeverQuoteSecretMaterial()
    {
        var decision = FileChangeDecision.Decide("old-secret"u8.ToArray(), Private, "new-secret!"u8, Private, showContent: false);
        Assert.Equal(PlanAction.Update, decision.Action);
        var line = Assert.Single(decision.Diff);
        Assert.DoesNotContain("secret!", line.Replace("secret material", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("10 -> 11 bytes", line, StringComparison.Ordinal);
    }

    [Fact]
    public void LineDiff_Should_KeepOrder_And_CapTheLength()
    {
        var before = string.Join('\n', Enumerable.Range(0, 40).Select(i => $"line {i}"));
        var after = string.Join('\n', Enumerable.Range(0, 40).Select(i => $"line {i}{(i % 2 == 0 ? "!" : "")}"));
        var diff = LineDiff.Compare(before, after);
        Assert.Equal(LineDiff.MaxLines + 1, diff.Count);
        Assert.Equal("- line 0", diff[0]);
        Assert.Equal("+ line 0!", diff[1]);
        Assert.StartsWith("… ", diff[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Object_Should_BeCreate_When_TheClusterLacksIt() =>
        Assert.Equal(PlanAction.Create, ObjectChangeDecision.Decide(Json("""{"data":{"a":"1"}}"""), null, redactData: false).Action);

    [Fact]
    public void Object_Should_BeUnchanged_When_OnlyServerDefaultsAndBookkeepingDiffer()
    {
        var desired = Json("""{"metadata":{"name":"x","labels":{"k":"v"}},"spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"c","image":"i"}]}}}}""");
        var stored = Json("""
            {"metadata":{"name":"x","labels":{"k":"v"},"resourceVersion":"7","uid":"u","generation":3,"annotations":{"deployment.kubernetes.io/revision":"1"}},
             "spec":{"replicas":2,"revisionHistoryLimit":10,"template":{"spec":{"containers":[{"name":"c","image":"i","terminationMessagePath":"/dev/termination-log"}]}}},
             "status":{"replicas":0}}
            """);
        Assert.Equal(PlanAction.Unchanged, ObjectChangeDecision.Decide(desired, stored, redactData: false).Action);
    }

    [Fact]
    public void Object_Should_ShowALineDiffInsideAMultiLineValue()
    {
        var desired = Json("""{"data":{"ClusterConfiguration":"a: 1\ncertSANs:\n- new.example\n"}}""");
        var stored = Json("""{"data":{"ClusterConfiguration":"a: 1\n"}}""");
        var decision = ObjectChangeDecision.Decide(desired, stored, redactData: false);
        Assert.Equal(PlanAction.Update, decision.Action);
        Assert.Equal(["~ data.ClusterConfiguration:", "  + certSANs:", "  + - new.example"], decision.Diff);
    }

    [Fact]
    public void Object_Should_CountKeysTheReplaceWouldDrop_InMapsTheRunOwns_ButNotTheSignersKeys()
    {
        var desired = Json("""{"metadata":{"labels":{"a":"1"}},"data":{"kubeconfig":"k"}}""");
        var stored = Json("""{"metadata":{"labels":{"a":"1","b":"2"}},"data":{"kubeconfig":"k","jws-kubeconfig-abcdef":"sig","extra":"x"}}""");
        var decision = ObjectChangeDecision.Decide(desired, stored, redactData: false);
        Assert.Equal(["- metadata.labels.b", "- data.extra"], decision.Diff);
    }

    [Fact]
    public void Object_Should_NameButNeverShowSecretValues()
    {
        var decision = ObjectChangeDecision.Decide(Json("""{"data":{"expiration":"bmV3"}}"""), Json("""{"data":{"expiration":"b2xk"}}"""), redactData: true);
        Assert.Equal(["~ data.expiration (secret value not shown)"], decision.Diff);
    }

    [Fact]
    public void Object_Should_ReportListLengthChanges()
    {
        var decision = ObjectChangeDecision.Decide(Json("""{"rules":[{"verbs":["get"]},{"verbs":["list"]}]}"""), Json("""{"rules":[{"verbs":["get"]}]}"""), redactData: false);
        Assert.Equal(["~ rules: 1 items -> 2 items"], decision.Diff);
    }

    private static JsonNode Json(string text) => JsonNode.Parse(Encoding.UTF8.GetBytes(text))!;
}
