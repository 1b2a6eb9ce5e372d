using Kubeadm.Core.Patches;

namespace Kubeadm.Core.Tests.Patches;

public sealed class PatchFileNameTests
{
    [Theory]
    [InlineData("kube-apiserver.yaml", "kube-apiserver", "strategic")]
    [InlineData("kube-apiserver0+merge.yaml", "kube-apiserver", "merge")]
    [InlineData("etcd-local+json.json", "etcd", "json")]
    [InlineData("kubeletconfiguration+strategic.json", "kubeletconfiguration", "strategic")]
    [InlineData("corednsdeployment.yaml", "corednsdeployment", "strategic")]
    [InlineData("kube-scheduler+jsonextra.yaml", "kube-scheduler", "json")]
    public void Should_ReadTargetAndType_When_NameFollowsKubeadmRules(string fileName, string target, string type)
    {
        var name = PatchFileName.Parse(fileName, out var ignored);

        Assert.Null(ignored);
        Assert.Equal(target, name!.Target);
        Assert.Equal(type, name.Type.Suffix);
    }

    [Theory]
    [InlineData("kube-apiserver.yml", "the file extension must be one of [json yaml]")]
    [InlineData("README", "the file extension must be one of [json yaml]")]
    [InlineData("kube-proxy.yaml", "unknown target, must be one of [etcd kube-apiserver kube-controller-manager kube-scheduler kubeletconfiguration corednsdeployment]")]
    public void Should_IgnoreFileWithReason_When_ExtensionOrTargetIsUnknown(string fileName, string reason)
    {
        Assert.Null(PatchFileName.Parse(fileName, out var ignored));
        Assert.Equal(reason, ignored);
    }

    [Theory]
    [InlineData("etcd+.yaml")]
    [InlineData("etcd+patch.yaml")]
    public void Should_Throw_When_PlusIsNotFollowedByAKnownType(string fileName)
    {
        var error = Assert.Throws<PatchException>(() => PatchFileName.Parse(fileName, out _));

        Assert.Contains(fileName, error.Message);
        Assert.Contains("unknown or missing patch type after '+', must be one of [json merge strategic]", error.Message);
    }
}
