using Kubeadm.Core.Patches;
using static Kubeadm.Core.Tests.Patches.PatchJson;

namespace Kubeadm.Core.Tests.Patches;

public sealed class JsonPatchTests
{
    private static string Apply(string document, string operations) =>
        Compact(PatchSetApplier.ApplyPatch(PatchType.Json, "kube-apiserver", Node(operations)!, Object(document)));

    [Theory]
    [InlineData("[{'op':'add','path':'/b','value':2}]", "{'a':{'x':[1,2]},'b':2}")]
    [InlineData("[{'op':'add','path':'/a/x/-','value':3}]", "{'a':{'x':[1,2,3]}}")]
    [InlineData("[{'op':'add','path':'/a/x/0','value':0}]", "{'a':{'x':[0,1,2]}}")]
    [InlineData("[{'op':'remove','path':'/a/x/1'}]", "{'a':{'x':[1]}}")]
    [InlineData("[{'op':'replace','path':'/a/x','value':'s'}]", "{'a':{'x':'s'}}")]
    [InlineData("[{'op':'move','from':'/a/x','path':'/y'}]", "{'a':{},'y':[1,2]}")]
    [InlineData("[{'op':'copy','from':'/a/x/0','path':'/a/z'}]", "{'a':{'x':[1,2],'z':1}}")]
    [InlineData("[{'op':'test','path':'/a/x','value':[1,2]},{'op':'remove','path':'/a'}]", "{}")]
    [InlineData("[{'op':'add','path':'/a~1b','value':1}]", "{'a':{'x':[1,2]},'a/b':1}")]
    public void Should_ApplyOperation_When_OperationIsValid(string operations, string expected)
    {
        Assert.Equal(Compact(expected), Apply("{'a':{'x':[1,2]}}", operations));
    }

    [Theory]
    [InlineData("[{'op':'test','path':'/a/x','value':[2]}]")]
    [InlineData("[{'op':'replace','path':'/nope','value':1}]")]
    [InlineData("[{'op':'remove','path':'/a/x/5'}]")]
    [InlineData("[{'op':'jump','path':'/a'}]")]
    [InlineData("{'op':'add','path':'/a','value':1}")]
    public void Should_Throw_When_OperationCannotApply(string operations)
    {
        Assert.Throws<PatchException>(() => Apply("{'a':{'x':[1,2]}}", operations));
    }
}
