using Kubeadm.Core.Patches;
using static Kubeadm.Core.Tests.Patches.PatchJson;

namespace Kubeadm.Core.Tests.Patches;

public sealed class JsonMergePatchTests
{
    [Theory]
    [InlineData("{'a':{'b':3}}", "{'a':{'b':3,'c':[1]},'d':'x'}")]
    [InlineData("{'a':{'c':[9,8]}}", "{'a':{'b':1,'c':[9,8]},'d':'x'}")]
    [InlineData("{'d':null,'e':{'f':null,'g':1}}", "{'a':{'b':1,'c':[1]},'e':{'g':1}}")]
    [InlineData("{'a':'flat'}", "{'a':'flat','d':'x'}")]
    public void Should_MergeObjects_And_ReplaceEverythingElse_When_MergePatchApplies(string patch, string expected)
    {
        var result = PatchSetApplier.ApplyPatch(PatchType.Merge, "etcd", Node(patch)!, Object("{'a':{'b':1,'c':[1]},'d':'x'}"));

        Assert.Equal(Compact(expected), Compact(result));
    }

    [Fact]
    public void Should_Throw_When_MergePatchIsNotAnObject()
    {
        Assert.Throws<PatchException>(() => PatchSetApplier.ApplyPatch(PatchType.Merge, "etcd", Node("[1]")!, Object("{}")));
    }
}
