using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Host;

public sealed class InMemoryFileSystemTests
{
    private readonly InMemoryFileSystem _fileSystem = new();

    [Fact]
    public void Should_ReadBackContentAndMode_When_FileWritten()
    {
        _fileSystem.WriteAllText("/etc/kubernetes/pki/ca.crt", "cert", FileModes.Public);

        Assert.Equal("cert", _fileSystem.ReadAllText("/etc/kubernetes/pki/ca.crt"));
        Assert.Equal(FileModes.Public, _fileSystem.GetMode("/etc/kubernetes/pki/ca.crt"));
        Assert.Equal(FileModes.Directory, _fileSystem.GetMode("/etc/kubernetes/pki"));
        Assert.True(_fileSystem.DirectoryExists("/etc"));
    }

    [Fact]
    public void Should_ListAllFilesSorted_When_SeveralWritten()
    {
        _fileSystem.WriteFile("/var/lib/kubelet/config.yaml", "b"u8, FileModes.Public);
        _fileSystem.WriteFile("/etc/kubernetes/admin.conf", "a"u8, FileModes.Private);

        Assert.Equal(["/etc/kubernetes/admin.conf", "/var/lib/kubelet/config.yaml"], _fileSystem.ListAllFiles());
        Assert.Contains("/var/lib/kubelet", _fileSystem.ListAllDirectories());
    }

    [Fact]
    public void Should_NormalizePaths_When_PathHasRedundantSegments()
    {
        _fileSystem.WriteFile("/etc//kubernetes/./pki/../admin.conf", "a"u8, FileModes.Private);

        Assert.True(_fileSystem.FileExists("/etc/kubernetes/admin.conf"));
    }

    [Fact]
    public void Should_NotShareBuffers_When_CallerMutatesArrays()
    {
        var content = "abc"u8.ToArray();
        _fileSystem.WriteFile("/f", content, FileModes.Private);
        content[0] = (byte)'z';
        _fileSystem.ReadAllBytes("/f")[1] = (byte)'z';

        Assert.Equal("abc", _fileSystem.ReadAllText("/f"));
    }

    [Fact]
    public void Should_ThrowFileNotFoundNamingPath_When_ReadingMissingFile()
    {
        var exception = Assert.Throws<FileNotFoundException>(() => _fileSystem.ReadAllBytes("/etc/kubernetes/admin.conf"));

        Assert.Contains("\"/etc/kubernetes/admin.conf\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RejectPath_When_RelativeOrEscaping()
    {
        Assert.Throws<ArgumentException>(() => _fileSystem.FileExists("etc/kubernetes"));
        Assert.Throws<ArgumentException>(() => _fileSystem.WriteFile("/../etc", "x"u8, FileModes.Private));
    }

    [Fact]
    public void Should_ListDirectChildrenOnly_When_ListingDirectory()
    {
        _fileSystem.WriteFile("/etc/kubernetes/pki/ca.crt", "x"u8, FileModes.Public);
        _fileSystem.WriteFile("/etc/kubernetes/admin.conf", "x"u8, FileModes.Private);

        Assert.Equal(["/etc/kubernetes/admin.conf", "/etc/kubernetes/pki"], _fileSystem.ListDirectory("/etc/kubernetes"));
        Assert.Throws<DirectoryNotFoundException>(() => _fileSystem.ListDirectory("/var"));
    }

    [Fact]
    public void Should_RemoveSubtree_When_DeletingRecursively()
    {
        _fileSystem.WriteFile("/var/lib/etcd/member/snap/db", "x"u8, FileModes.Private);

        Assert.Throws<IOException>(() => _fileSystem.DeleteDirectory("/var/lib/etcd", recursive: false));
        _fileSystem.DeleteDirectory("/var/lib/etcd", recursive: true);

        Assert.Empty(_fileSystem.ListAllFiles());
        Assert.False(_fileSystem.DirectoryExists("/var/lib/etcd/member"));
        Assert.True(_fileSystem.DirectoryExists("/var/lib"));
    }

    [Fact]
    public void Should_ThrowIOException_When_ParentIsFile()
    {
        _fileSystem.WriteFile("/etc/kubernetes", "x"u8, FileModes.Private);

        Assert.Throws<IOException>(() => _fileSystem.WriteFile("/etc/kubernetes/admin.conf", "x"u8, FileModes.Private));
        Assert.Throws<IOException>(() => _fileSystem.CreateDirectory("/etc/kubernetes/pki", FileModes.Directory));
    }

    [Fact]
    public void Should_KeepExistingMode_When_CreatingExistingDirectory()
    {
        _fileSystem.CreateDirectory("/var/lib/etcd", FileModes.PrivateDirectory);
        _fileSystem.CreateDirectory("/var/lib/etcd", FileModes.Directory);

        Assert.Equal(FileModes.PrivateDirectory, _fileSystem.GetMode("/var/lib/etcd"));
        Assert.Equal(FileModes.PrivateDirectory, _fileSystem.GetMode("/var"));
    }

    [Fact]
    public void Should_KeepEveryWrite_When_WritingConcurrently()
    {
        Parallel.For(0, 200, index => _fileSystem.WriteFile($"/tmp/{index % 7}/file{index}", "x"u8, FileModes.Private));

        Assert.Equal(200, _fileSystem.ListAllFiles().Count);
    }
}
