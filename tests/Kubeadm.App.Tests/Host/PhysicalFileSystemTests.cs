using System.Text;
using Kubeadm.App.Host;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Host;

public sealed class PhysicalFileSystemTests : IDisposable
{
    private const UnixFileMode Mode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Mode0644 = Mode0600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Mode0755 = Mode0644 | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private readonly TemporaryDirectory _rootfs = new();
    private readonly PhysicalFileSystem _fileSystem;

    public PhysicalFileSystemTests()
    {
        _fileSystem = new PhysicalFileSystem(_rootfs.Path);
    }

    public void Dispose() => _rootfs.Dispose();

    [Fact]
    public void Should_WriteUnderRootfs_When_GivenHostPath()
    {
        _fileSystem.WriteAllText("/etc/kubernetes/pki/ca.crt", "cert", Mode0644);

        Assert.Equal("cert", File.ReadAllText(Path.Join(_rootfs.Path, "etc/kubernetes/pki/ca.crt")));
        Assert.True(_fileSystem.FileExists("/etc/kubernetes/pki/ca.crt"));
        Assert.Equal("cert", _fileSystem.ReadAllText("/etc/kubernetes/pki/ca.crt"));
    }

    [Fact]
    public void Should_RemoveTempFilesOfInterruptedWrites_When_TheFirstWriteOfARunGoesIntoTheirDirectory()
    {
        var pki = Path.Join(_rootfs.Path, "etc/kubernetes/pki");
        Directory.CreateDirectory(pki);
        var leftover = Path.Join(pki, ".ca.key.k3j2xq9a.p0z.tmp");
        var unrelated = new[] { Path.Join(pki, ".hidden.tmp"), Path.Join(pki, "notes.k3j2xq9a.p0z.tmp"), Path.Join(pki, "ca.crt") };
        File.WriteAllText(leftover, "-----BEGIN PRIVATE KEY-----");
        foreach (var file in unrelated)
        {
            File.WriteAllText(file, "keep");
        }

        _fileSystem.WriteAllText("/etc/kubernetes/pki/sa.pub", "pub", Mode0644);

        Assert.False(File.Exists(leftover));
        Assert.All(unrelated, file => Assert.True(File.Exists(file), file));
        Assert.Equal([".hidden.tmp", "ca.crt", "notes.k3j2xq9a.p0z.tmp", "sa.pub"], Directory.GetFiles(pki).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_NameTempFilesInTheShapeTheSweepRemoves_When_Reserving()
    {
        var temporaries = new AtomicWriteTemporaries();

        var temporary = temporaries.Reserve("/etc/kubernetes/pki/front-proxy-ca.key");

        Assert.StartsWith("/etc/kubernetes/pki/.front-proxy-ca.key.", temporary, StringComparison.Ordinal);
        Assert.True(AtomicWriteTemporaries.IsTemporaryName(Path.GetFileName(temporary)));
    }

    [Fact]
    public void Should_MapPathsUnchanged_When_RootfsIsSlash()
    {
        var fileSystem = new PhysicalFileSystem("/");

        Assert.Equal("/etc/kubernetes/admin.conf", fileSystem.ToRealPath("/etc/kubernetes/admin.conf"));
        Assert.Equal(_rootfs.Path + "/etc/kubernetes", _fileSystem.ToRealPath("/etc//kubernetes/"));
    }

    [Fact]
    public void Should_CreateParentDirectoriesWith0755_When_Missing()
    {
        _fileSystem.WriteFile("/etc/kubernetes/pki/ca.key", "key"u8, Mode0600);

        Assert.Equal(Mode0755, _fileSystem.GetMode("/etc"));
        Assert.Equal(Mode0755, _fileSystem.GetMode("/etc/kubernetes/pki"));
    }

    [Fact]
    public void Should_KeepParentDirectoryMode_When_ParentExists()
    {
        _fileSystem.CreateDirectory("/var/lib/etcd", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        _fileSystem.WriteFile("/var/lib/etcd/member", "x"u8, Mode0600);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, _fileSystem.GetMode("/var/lib/etcd"));
    }

    [Fact]
    public void Should_ReplaceContentAndLeaveNoTemporaryFiles_When_OverwritingFile()
    {
        _fileSystem.WriteFile("/etc/kubernetes/admin.conf", "old content that is longer"u8, Mode0644);

        _fileSystem.WriteFile("/etc/kubernetes/admin.conf", "new"u8, Mode0600);

        Assert.Equal("new", _fileSystem.ReadAllText("/etc/kubernetes/admin.conf"));
        Assert.Equal(Mode0600, _fileSystem.GetMode("/etc/kubernetes/admin.conf"));
        Assert.Equal(["/etc/kubernetes/admin.conf"], _fileSystem.ListDirectory("/etc/kubernetes"));
        Assert.Single(Directory.GetFileSystemEntries(Path.Join(_rootfs.Path, "etc/kubernetes")));
    }

    [Fact]
    public void Should_RejectPath_When_DotDotEscapesRoot()
    {
        var exception = Assert.Throws<ArgumentException>(() => _fileSystem.WriteFile("/etc/../../outside", "x"u8, Mode0600));

        Assert.Contains("/etc/../../outside", exception.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Join(Path.GetDirectoryName(_rootfs.Path), "outside")));
    }

    [Fact]
    public void Should_StayInsideRootfs_When_DotDotStaysBelowRoot()
    {
        _fileSystem.WriteFile("/etc/kubernetes/../hosts", "x"u8, Mode0644);

        Assert.True(File.Exists(Path.Join(_rootfs.Path, "etc/hosts")));
    }

    [Theory]
    [InlineData("etc/kubernetes/admin.conf")]
    [InlineData("./admin.conf")]
    [InlineData("")]
    public void Should_RejectPath_When_NotAbsolute(string path)
    {
        Assert.Throws<ArgumentException>(() => _fileSystem.ReadAllBytes(path));
        Assert.Throws<ArgumentException>(() => _fileSystem.WriteFile(path, "x"u8, Mode0600));
        Assert.Throws<ArgumentException>(() => _fileSystem.FileExists(path));
    }

    [Fact]
    public void Should_NameHostPath_When_ReadingMissingFile()
    {
        var exception = Assert.Throws<FileNotFoundException>(() => _fileSystem.ReadAllBytes("/etc/kubernetes/missing.conf"));

        Assert.Contains("\"/etc/kubernetes/missing.conf\"", exception.Message, StringComparison.Ordinal);
        Assert.Equal("/etc/kubernetes/missing.conf", exception.FileName);
    }

    [Fact]
    public void Should_ListEntriesAsHostPaths_When_ListingDirectory()
    {
        _fileSystem.WriteFile("/etc/kubernetes/manifests/kube-apiserver.yaml", "a"u8, Mode0600);
        _fileSystem.WriteFile("/etc/kubernetes/manifests/etcd.yaml", "b"u8, Mode0600);
        _fileSystem.CreateDirectory("/etc/kubernetes/manifests/sub", Mode0755);

        Assert.Equal(
            ["/etc/kubernetes/manifests/etcd.yaml", "/etc/kubernetes/manifests/kube-apiserver.yaml", "/etc/kubernetes/manifests/sub"],
            _fileSystem.ListDirectory("/etc/kubernetes/manifests"));
    }

    [Fact]
    public void Should_ThrowDirectoryNotFound_When_ListingMissingDirectory()
    {
        var exception = Assert.Throws<DirectoryNotFoundException>(() => _fileSystem.ListDirectory("/var/lib/kubelet"));

        Assert.Contains("/var/lib/kubelet", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_DeleteFileAndIgnoreMissing_When_DeletingFile()
    {
        _fileSystem.WriteFile("/etc/kubernetes/kubelet.conf", "x"u8, Mode0600);

        _fileSystem.DeleteFile("/etc/kubernetes/kubelet.conf");
        _fileSystem.DeleteFile("/etc/kubernetes/kubelet.conf");
        _fileSystem.DeleteFile("/no/such/dir/file");

        Assert.False(_fileSystem.FileExists("/etc/kubernetes/kubelet.conf"));
    }

    [Fact]
    public void Should_RefuseNonRecursiveDelete_When_DirectoryNotEmpty()
    {
        _fileSystem.WriteFile("/var/lib/etcd/member/snap", "x"u8, Mode0600);

        Assert.Throws<IOException>(() => _fileSystem.DeleteDirectory("/var/lib/etcd", recursive: false));
        _fileSystem.DeleteDirectory("/var/lib/etcd", recursive: true);

        Assert.False(_fileSystem.DirectoryExists("/var/lib/etcd"));
        Assert.True(_fileSystem.DirectoryExists("/var/lib"));
    }

    [Fact]
    public void Should_RefuseToDeleteRoot_When_PathIsRoot()
    {
        Assert.Throws<ArgumentException>(() => _fileSystem.DeleteDirectory("/", recursive: true));
        Assert.Throws<ArgumentException>(() => _fileSystem.DeleteDirectory("/etc/..", recursive: true));
    }

    [Fact]
    public void Should_CreateDirectoryWithExactMode_When_DirectoryMissing()
    {
        _fileSystem.CreateDirectory("/var/lib/etcd", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.True(_fileSystem.DirectoryExists("/var/lib/etcd"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, _fileSystem.GetMode("/var/lib/etcd"));
    }

    [Fact]
    public void Should_ThrowIOException_When_WritingOverDirectory()
    {
        _fileSystem.CreateDirectory("/etc/kubernetes", Mode0755);

        Assert.Throws<IOException>(() => _fileSystem.WriteFile("/etc/kubernetes", "x"u8, Mode0600));
    }

    [Fact]
    public void Should_WriteBinaryContentExactly_When_ContentIsNotText()
    {
        var content = Enumerable.Range(0, 256).Select(value => (byte)value).ToArray();

        _fileSystem.WriteFile("/etc/kubernetes/pki/sa.key", content, Mode0600);

        Assert.Equal(content, _fileSystem.ReadAllBytes("/etc/kubernetes/pki/sa.key"));
        Assert.Equal(Encoding.UTF8.GetString(content), _fileSystem.ReadAllText("/etc/kubernetes/pki/sa.key"));
    }
}
