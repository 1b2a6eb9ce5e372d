using System.Text.Json.Nodes;
using Kubeadm.Core.Host;
using Kubeadm.Core.Patches;
using static Kubeadm.Core.Tests.Patches.PatchJson;

namespace Kubeadm.Core.Tests.Patches;

public sealed class DirectoryPatchApplierTests : IDisposable
{
    private const string Directory = "/etc/kubeadm/patches";

    private readonly InMemoryFileSystem _fileSystem = new();
    private readonly StringWriter _output = new();

    public void Dispose() => _output.Dispose();

    private DirectoryPatchApplier Applier() => new(_fileSystem, Directory, _output);

    private void File(string name, string content) =>
        _fileSystem.WriteAllText($"{Directory}/{name}", content, FileModes.Public);

    [Fact]
    public void Should_ApplyFilesInNameOrder_And_AnnounceEachPatch_When_SeveralFilesTargetTheSameComponent()
    {
        File("kube-apiserver1+merge.yaml", "metadata:\n  labels:\n    step: second\n");
        File("kube-apiserver0.yaml", "metadata:\n  labels:\n    step: first\n    first: \"yes\"\n");

        var result = Applier().Apply("kube-apiserver", StaticPod());

        Assert.Equal(Compact("{'step':'second','first':'yes'}"), Compact(result["metadata"]!["labels"]));
        Assert.Equal(
            "[patches] Reading patches from path \"/etc/kubeadm/patches\"\n" +
            "[patches] Found the following patch files: [kube-apiserver0.yaml kube-apiserver1+merge.yaml]\n" +
            "[patches] Applied patch of type \"application/strategic-merge-patch+json\" to target \"kube-apiserver\"\n" +
            "[patches] Applied patch of type \"application/merge-patch+json\" to target \"kube-apiserver\"\n",
            _output.ToString());
    }

    [Fact]
    public void Should_ApplyEveryDocument_When_FileHoldsSeveralYamlDocuments()
    {
        File("etcd+json.yaml", "- op: add\n  path: /metadata/labels\n  value: {a: b}\n---\n---\n- op: replace\n  path: /metadata/labels/a\n  value: c\n");

        var result = Applier().Apply("etcd", StaticPod());

        Assert.Equal(Compact("{'a':'c'}"), Compact(result["metadata"]!["labels"]));
        Assert.Equal(2, _output.ToString().Split('\n').Count(line => line.StartsWith("[patches] Applied patch of type \"application/json-patch+json\" to target \"etcd\"")));
    }

    [Fact]
    public void Should_IgnoreUnknownTargetsAndExtensions_WithKubeadmNotes_When_DirectoryHoldsOtherFiles()
    {
        File("kube-proxy.yaml", "a: b\n");
        File("notes.txt", "hello\n");
        File("etcd.yaml", "");

        var document = StaticPod();
        var result = Applier().Apply("etcd", document);

        Assert.Same(document, result);
        Assert.Equal(
            "[patches] Reading patches from path \"/etc/kubeadm/patches\"\n" +
            "[patches] Ignoring empty file: \"etcd.yaml\"\n" +
            "[patches] Ignoring file \"kube-proxy.yaml\": unknown target, must be one of [etcd kube-apiserver kube-controller-manager kube-scheduler kubeletconfiguration corednsdeployment]\n" +
            "[patches] Ignoring file \"notes.txt\": the file extension must be one of [json yaml]\n" +
            "[patches] Ignored the following files: [etcd.yaml kube-proxy.yaml notes.txt]\n",
            _output.ToString());
    }

    [Fact]
    public void Should_ReportTheFile_When_PatchFileIsNotValidYaml()
    {
        File("kube-scheduler.yaml", "spec: [unclosed\n");

        var error = Assert.Throws<PatchException>(() => Applier().Apply("kube-scheduler", StaticPod()));

        Assert.StartsWith("could not list patch files for path \"/etc/kubeadm/patches\": could not convert a patch to JSON: kube-scheduler.yaml: line", error.Message);
    }

    [Fact]
    public void Should_ReportTheFileAndPatch_When_PatchCannotApply()
    {
        File("kube-apiserver+json.yaml", "- op: remove\n  path: /nope\n");

        var error = Assert.Throws<PatchException>(() => Applier().Apply("kube-apiserver", StaticPod()));

        Assert.StartsWith(
            "could not apply the following patch of type \"application/json-patch+json\" from file \"kube-apiserver+json.yaml\" to target \"kube-apiserver\":\n",
            error.Message);
    }

    [Fact]
    public void Should_ReadTheDirectoryOnce_When_SeveralTargetsArePatched()
    {
        File("kube-apiserver.yaml", "metadata:\n  labels: {a: b}\n");
        var applier = Applier();

        applier.Apply("kube-apiserver", StaticPod());
        _fileSystem.DeleteFile($"{Directory}/kube-apiserver.yaml");
        var second = applier.Apply("kube-apiserver", StaticPod());

        Assert.Equal(Compact("{'a':'b'}"), Compact(second["metadata"]!["labels"]));
        Assert.Single(_output.ToString().Split('\n'), line => line.StartsWith("[patches] Reading patches", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_FailNamingThePath_When_DirectoryDoesNotExist()
    {
        var error = Assert.Throws<PatchException>(() => Applier().Apply("etcd", new JsonObject()));

        Assert.Equal("could not list patch files for path \"/etc/kubeadm/patches\": no such file or directory", error.Message);
    }

    [Fact]
    public void Should_RejectTarget_When_TargetIsNotOneKubeadmKnows()
    {
        _fileSystem.CreateDirectory(Directory, FileModes.Directory);

        Assert.Throws<PatchException>(() => Applier().Apply("kube-proxy", new JsonObject()));
    }
}
