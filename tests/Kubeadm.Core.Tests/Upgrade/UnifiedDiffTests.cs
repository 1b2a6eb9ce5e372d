using Kubeadm.Core.Upgrade;

namespace Kubeadm.Core.Tests.Upgrade;

public sealed class UnifiedDiffTests
{
    private static readonly string Before = string.Concat(Enumerable.Range(1, 20).Select(i => $"line {i}\n"));

    [Fact]
    public void Should_PrintNothing_When_TheTextsAreEqual() =>
        Assert.Equal("", UnifiedDiff.Format(Before, Before, "a", "b", 3));

    [Fact]
    public void Should_ShowOneHunkWithThreeLinesOfContext_When_OneLineChanges()
    {
        var after = Before.Replace("line 10\n", "line ten\n", StringComparison.Ordinal);

        var diff = UnifiedDiff.Format(Before, after, "/etc/kubernetes/manifests/kube-apiserver.yaml", "new manifest", 3);

        Assert.Equal(
            "--- /etc/kubernetes/manifests/kube-apiserver.yaml\n+++ new manifest\n@@ -7,7 +7,7 @@\n"
            + " line 7\n line 8\n line 9\n-line 10\n+line ten\n line 11\n line 12\n line 13\n",
            diff);
    }

    [Fact]
    public void Should_SplitHunks_When_ChangesAreFartherApartThanTwiceTheContext()
    {
        var after = Before.Replace("line 2\n", "line two\n", StringComparison.Ordinal).Replace("line 18\n", "line eighteen\n", StringComparison.Ordinal);

        var diff = UnifiedDiff.Format(Before, after, "a", "b", 1);

        Assert.Equal(
            "--- a\n+++ b\n@@ -1,3 +1,3 @@\n line 1\n-line 2\n+line two\n line 3\n@@ -17,3 +17,3 @@\n line 17\n-line 18\n+line eighteen\n line 19\n",
            diff);
    }

    [Fact]
    public void Should_CountTheExtraFinalLine_When_AChangeIsAtTheEnd()
    {
        var diff = UnifiedDiff.Format("a\nb\n", "a\nc\n", "x", "y", 3);

        // difflib's SplitLines gives each text one more "\n" line, shown as context.
        Assert.Equal("--- x\n+++ y\n@@ -1,3 +1,3 @@\n a\n-b\n+c\n \n", diff);
    }

    [Fact]
    public void Should_ShowInsertionsWithAnEmptyRange_When_TheFirstTextIsEmpty()
    {
        var diff = UnifiedDiff.Format("", "a\n", "x", "y", 0);

        Assert.Equal("--- x\n+++ y\n@@ -0,0 +1 @@\n+a\n", diff);
    }
}
