using Kubeadm.Core.Patches;
using static Kubeadm.Core.Tests.Patches.PatchJson;

namespace Kubeadm.Core.Tests.Patches;

public sealed class StrategicMergePatchTests
{
    private static string Patch(string target, string patch, System.Text.Json.Nodes.JsonObject? document = null) =>
        Compact(PatchSetApplier.ApplyPatch(PatchType.Strategic, target, Node(patch)!, document ?? StaticPod()));

    [Fact]
    public void Should_AddEnvVarToNamedContainer_When_PatchNamesTheContainer()
    {
        var result = Patch("kube-apiserver", "{'spec':{'containers':[{'name':'kube-apiserver','env':[{'name':'Y','value':'2'}]}]}}");

        Assert.Contains(Compact("{'name':'Y','value':'2'}") + "," + Compact("{'name':'X','value':'1'}"), result);
        Assert.Contains(Compact("{'command':['kube-apiserver','--a=1']}")[1..^1], result);
    }

    [Fact]
    public void Should_ChangeVolumeByName_And_KeepItsOtherFields_When_PatchNamesTheVolume()
    {
        var result = Patch("kube-apiserver", "{'spec':{'volumes':[{'name':'ca-certs','hostPath':{'path':'/opt/certs'}}]}}");

        Assert.Contains(Compact("{'name':'ca-certs','hostPath':{'path':'/opt/certs','type':'DirectoryOrCreate'}}"), result);
    }

    [Fact]
    public void Should_ReplaceCommandList_When_PatchGivesACommand()
    {
        var result = Patch("kube-apiserver", "{'spec':{'containers':[{'name':'kube-apiserver','command':['kube-apiserver','--b=2']}]}}");

        Assert.Contains(Compact("{'command':['kube-apiserver','--b=2']}")[1..^1], result);
        Assert.DoesNotContain("--a=1", result);
    }

    [Fact]
    public void Should_PutNewListItemsFirst_When_MergeKeyIsNotInTheOriginal()
    {
        var result = Node(Patch("kube-apiserver", "{'spec':{'containers':[{'name':'sidecar','image':'busybox'}]}}"))!;

        Assert.Equal("sidecar", (string?)result["spec"]!["containers"]![0]!["name"]);
        Assert.Equal("kube-apiserver", (string?)result["spec"]!["containers"]![1]!["name"]);
    }

    [Fact]
    public void Should_DeleteListItem_When_ItemCarriesPatchDelete()
    {
        var result = Patch("kube-apiserver", "{'spec':{'volumes':[{'name':'ca-certs','$patch':'delete'}]}}");

        Assert.Contains("\"volumes\":[]", result);
    }

    [Fact]
    public void Should_ReplaceWholeList_When_ListHoldsPatchReplace()
    {
        var result = Patch("kube-apiserver", "{'spec':{'volumes':[{'$patch':'replace'},{'name':'only','emptyDir':{}}]}}");

        Assert.Contains(Compact("{'volumes':[{'name':'only','emptyDir':{}}]}")[1..^1], result);
    }

    [Fact]
    public void Should_ReplaceObject_When_ObjectCarriesPatchReplace()
    {
        var result = Patch("kube-apiserver", "{'metadata':{'$patch':'replace','name':'x'}}");

        Assert.Contains(Compact("{'metadata':{'name':'x'}}")[1..^1], result);
    }

    [Fact]
    public void Should_DeleteField_When_PatchValueIsNull()
    {
        var result = Patch("kube-apiserver", "{'metadata':{'namespace':null}}");

        Assert.DoesNotContain("kube-system", result);
    }

    [Fact]
    public void Should_MergeEnvOfNewContainerWithoutDirectives_When_ContainerIsAdded()
    {
        var result = Patch("kube-apiserver", "{'spec':{'containers':[{'name':'c','env':[{'name':'A','value':null}]}]}}");

        Assert.Contains(Compact("{'name':'c','env':[{'name':'A'}]}"), result);
    }

    [Fact]
    public void Should_ReplaceLists_When_TargetIsKubeletConfiguration()
    {
        var kubelet = Object("{'clusterDNS':['10.96.0.10'],'authentication':{'anonymous':{'enabled':false}}}");

        var result = Patch("kubeletconfiguration", "{'clusterDNS':['10.0.0.10'],'authentication':{'webhook':{'enabled':true}}}", kubelet);

        Assert.Equal(Compact("{'clusterDNS':['10.0.0.10'],'authentication':{'anonymous':{'enabled':false},'webhook':{'enabled':true}}}"), result);
    }

    [Fact]
    public void Should_MergeDeploymentContainersByName_When_TargetIsCoreDnsDeployment()
    {
        var deployment = Object("{'spec':{'template':{'spec':{'containers':[{'name':'coredns','args':['-conf']}]}}}}");

        var result = Patch("corednsdeployment", "{'spec':{'template':{'spec':{'containers':[{'name':'coredns','image':'x'}]}}}}", deployment);

        Assert.Equal(Compact("{'spec':{'template':{'spec':{'containers':[{'name':'coredns','args':['-conf'],'image':'x'}]}}}}"), result);
    }

    [Fact]
    public void Should_Throw_When_MergedListItemLacksTheMergeKey()
    {
        Assert.Throws<PatchException>(() => Patch("kube-apiserver", "{'spec':{'containers':[{'image':'x'}]}}"));
    }
}
