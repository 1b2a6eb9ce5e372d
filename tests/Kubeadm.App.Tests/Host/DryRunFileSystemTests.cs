using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Host;

public sealed class DryRunFileSystemTests : IDisposable
{
    private readonly InMemoryFileSystem _inner = new();
    private readonly StringWriter _output = new() { NewLine = "\n" };
    private readonly DryRunFileSystem _dryRun;

    public DryRunFileSystemTests()
    {
        _dryRun = new DryRunFileSystem(_inner, _output);
    }

    public void Dispose() => _output.Dispose();

    [Fact]
    public void Should_NotReachInnerFileSystem_When_Writing()
    {
        _dryRun.WriteAllText("/etc/kubernetes/admin.conf", "kubeconfig", FileModes.Private);

        Assert.Empty(_inner.ListAllFiles());
        Assert.False(_inner.DirectoryExists("/etc"));
    }

    [Fact]
    public void Should_SeeEarlierWrite_When_ReadingLater()
    {
        _dryRun.WriteAllText("/etc/kubernetes/pki/ca.crt", "cert", FileModes.Public);

        Assert.True(_dryRun.FileExists("/etc/kubernetes/pki/ca.crt"));
        Assert.True(_dryRun.DirectoryExists("/etc/kubernetes/pki"));
        Assert.Equal("cert", _dryRun.ReadAllText("/etc/kubernetes/pki/ca.crt"));
        Assert.Equal(FileModes.Public, _dryRun.GetMode("/etc/kubernetes/pki/ca.crt"));
    }

    [Fact]
    public void Should_ReadInnerFile_When_NotOverlaid()
    {
        _inner.WriteAllText("/etc/kubernetes/pki/ca.crt", "real", FileModes.Public);

        Assert.Equal("real", _dryRun.ReadAllText("/etc/kubernetes/pki/ca.crt"));
        _dryRun.WriteAllText("/etc/kubernetes/pki/ca.crt", "overlay", FileModes.Public);
        Assert.Equal("overlay", _dryRun.ReadAllText("/etc/kubernetes/pki/ca.crt"));
        Assert.Equal("real", _inner.ReadAllText("/etc/kubernetes/pki/ca.crt"));
    }

    [Fact]
    public void Should_HideInnerFile_When_Deleted()
    {
        _inner.WriteAllText("/etc/kubernetes/admin.conf", "real", FileModes.Private);

        _dryRun.DeleteFile("/etc/kubernetes/admin.conf");

        Assert.False(_dryRun.FileExists("/etc/kubernetes/admin.conf"));
        Assert.Throws<FileNotFoundException>(() => _dryRun.ReadAllBytes("/etc/kubernetes/admin.conf"));
        Assert.Empty(_dryRun.ListDirectory("/etc/kubernetes"));
        Assert.True(_inner.FileExists("/etc/kubernetes/admin.conf"));
        Assert.Equal(["/etc/kubernetes/admin.conf"], _dryRun.RecordedDeletes);
    }

    [Fact]
    public void Should_HideInnerSubtree_When_DirectoryDeletedThenRecreated()
    {
        _inner.WriteAllText("/var/lib/etcd/member/db", "data", FileModes.Private);

        _dryRun.DeleteDirectory("/var/lib/etcd", recursive: true);
        _dryRun.WriteAllText("/var/lib/etcd/new", "x", FileModes.Private);

        Assert.False(_dryRun.FileExists("/var/lib/etcd/member/db"));
        Assert.False(_dryRun.DirectoryExists("/var/lib/etcd/member"));
        Assert.Equal(["/var/lib/etcd/new"], _dryRun.ListDirectory("/var/lib/etcd"));
        Assert.True(_inner.FileExists("/var/lib/etcd/member/db"));
    }

    [Fact]
    public void Should_MergeInnerAndOverlay_When_ListingDirectory()
    {
        _inner.WriteAllText("/etc/kubernetes/manifests/etcd.yaml", "x", FileModes.Private);
        _inner.WriteAllText("/etc/kubernetes/manifests/old.yaml", "x", FileModes.Private);

        _dryRun.WriteAllText("/etc/kubernetes/manifests/kube-apiserver.yaml", "x", FileModes.Private);
        _dryRun.DeleteFile("/etc/kubernetes/manifests/old.yaml");

        Assert.Equal(
            ["/etc/kubernetes/manifests/etcd.yaml", "/etc/kubernetes/manifests/kube-apiserver.yaml"],
            _dryRun.ListDirectory("/etc/kubernetes/manifests"));
    }

    [Fact]
    public void Should_PrintKubeadmDryRunLines_When_Writing()
    {
        _dryRun.WriteAllText("/etc/kubernetes/manifests/etcd.yaml", "apiVersion: v1\nkind: Pod\n", FileModes.Private);
        _dryRun.WriteAllText("/var/lib/kubelet/kubeadm-flags.env", "KUBELET_KUBEADM_ARGS=\"\"", FileModes.Public);
        _dryRun.DeleteFile("/etc/kubernetes/manifests/etcd.yaml");

        Assert.Equal(
            "[dryrun] Would write file \"/etc/kubernetes/manifests/etcd.yaml\" with content:\n"
            + "apiVersion: v1\nkind: Pod\n"
            + "[dryrun] Would write file \"/var/lib/kubelet/kubeadm-flags.env\" with content:\n"
            + "KUBELET_KUBEADM_ARGS=\"\"\n"
            + "[dryrun] Would delete file \"/etc/kubernetes/manifests/etcd.yaml\"\n",
            _output.ToString());
    }

    [Fact]
    public void Should_RecordWritesInOrder_When_Writing()
    {
        _dryRun.WriteFile("/etc/kubernetes/pki/ca.key", "key"u8, FileModes.Private);
        _dryRun.WriteFile("/etc/kubernetes/pki/ca.crt", "crt"u8, FileModes.Public);
        _dryRun.WriteFile("/etc/kubernetes/pki/ca.key", "key2"u8, FileModes.Private);

        var writes = _dryRun.RecordedWrites;
        Assert.Equal(["/etc/kubernetes/pki/ca.key", "/etc/kubernetes/pki/ca.crt", "/etc/kubernetes/pki/ca.key"], writes.Select(write => write.Path));
        Assert.Equal("crt"u8.ToArray(), writes[1].Content.ToArray());
        Assert.Equal(FileModes.Public, writes[1].Mode);
        Assert.Equal("key2", _dryRun.ReadAllText("/etc/kubernetes/pki/ca.key"));
    }

    [Fact]
    public void Should_CopyWriteUnderMirrorRoot_When_MirrorGiven()
    {
        var mirror = new InMemoryFileSystem();
        var dryRun = new DryRunFileSystem(_inner, TextWriter.Null, new DryRunMirror(mirror, "/etc/kubernetes/tmp/kubeadm-init-dryrun1"));

        dryRun.WriteFile("/etc/kubernetes/pki/ca.key", "key"u8, FileModes.Private);

        Assert.Equal(["/etc/kubernetes/tmp/kubeadm-init-dryrun1/etc/kubernetes/pki/ca.key"], mirror.ListAllFiles());
        Assert.Equal(FileModes.Private, mirror.GetMode("/etc/kubernetes/tmp/kubeadm-init-dryrun1/etc/kubernetes/pki/ca.key"));
        Assert.Empty(_inner.ListAllFiles());
    }

    [Fact]
    public void Should_RejectMirror_When_MirrorRootIsRoot()
    {
        Assert.Throws<ArgumentException>(() => new DryRunFileSystem(_inner, TextWriter.Null, new DryRunMirror(new InMemoryFileSystem(), "/")));
    }

    [Fact]
    public void Should_KeepInnerUntouched_When_CreatingAndDeletingDirectories()
    {
        _inner.CreateDirectory("/etc/kubernetes/manifests", FileModes.Directory);

        _dryRun.CreateDirectory("/var/lib/etcd", FileModes.PrivateDirectory);
        _dryRun.DeleteDirectory("/etc/kubernetes/manifests", recursive: false);

        Assert.True(_dryRun.DirectoryExists("/var/lib/etcd"));
        Assert.Equal(FileModes.PrivateDirectory, _dryRun.GetMode("/var/lib/etcd"));
        Assert.False(_dryRun.DirectoryExists("/etc/kubernetes/manifests"));
        Assert.False(_inner.DirectoryExists("/var/lib/etcd"));
        Assert.True(_inner.DirectoryExists("/etc/kubernetes/manifests"));
        Assert.Equal("[dryrun] Would delete directory \"/etc/kubernetes/manifests\"\n", _output.ToString());
    }

    [Fact]
    public void Should_ThrowIOException_When_DeletingNonEmptyDirectoryNonRecursively()
    {
        _inner.WriteAllText("/etc/kubernetes/admin.conf", "x", FileModes.Private);

        Assert.Throws<IOException>(() => _dryRun.DeleteDirectory("/etc/kubernetes", recursive: false));
    }
}
