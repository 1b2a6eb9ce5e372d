using Kubeadm.App.Host;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Host;

[Collection(SerialHostTests.Name)]
public sealed class PhysicalFileSystemUmaskTests : IDisposable
{
    private readonly TemporaryDirectory _rootfs = new();
    private readonly PhysicalFileSystem _fileSystem;

    public PhysicalFileSystemUmaskTests()
    {
        _fileSystem = new PhysicalFileSystem(_rootfs.Path);
    }

    public void Dispose() => _rootfs.Dispose();

    [Theory]
    [InlineData(0b_000_010_010u)]
    [InlineData(0b_000_111_111u)]
    [InlineData(0u)]
    public void Should_GiveFilesExactModes_When_UmaskDiffers(uint umask)
    {
        using (new ProcessUmask(umask))
        {
            _fileSystem.WriteFile("/etc/kubernetes/pki/ca.key", "key"u8, FileModes.Private);
            _fileSystem.WriteFile("/etc/kubernetes/pki/ca.crt", "cert"u8, FileModes.Public);
            _fileSystem.CreateDirectory("/var/lib/etcd", FileModes.PrivateDirectory);
        }

        Assert.Equal(FileModes.Private, _fileSystem.GetMode("/etc/kubernetes/pki/ca.key"));
        Assert.Equal(FileModes.Public, _fileSystem.GetMode("/etc/kubernetes/pki/ca.crt"));
        Assert.Equal(FileModes.Directory, _fileSystem.GetMode("/etc/kubernetes/pki"));
        Assert.Equal(FileModes.PrivateDirectory, _fileSystem.GetMode("/var/lib/etcd"));
    }

    [Fact]
    public void Should_ApplyRequestedMode_When_ExistingFileHasDifferentMode()
    {
        using (new ProcessUmask(0b_000_111_111u))
        {
            _fileSystem.WriteFile("/etc/kubernetes/admin.conf", "old"u8, FileModes.Public);
            _fileSystem.WriteFile("/etc/kubernetes/admin.conf", "new"u8, FileModes.Private);
        }

        Assert.Equal(FileModes.Private, _fileSystem.GetMode("/etc/kubernetes/admin.conf"));
    }
}
