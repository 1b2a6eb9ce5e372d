using Kubeadm.App.Init;
using Kubeadm.App.Security;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Host;
using Kubeadm.Core.Pki;
using Kubeadm.Core.Security;

namespace Kubeadm.App.Tests.Security;

public sealed class EtcdUserStepTests : IDisposable
{
    private const UnixFileMode Mode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly InMemoryFileSystem _fileSystem = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    [Fact]
    public void Should_ChownTheDataDirAndKeysAndRunAsEtcd_When_TheHostHasAnEtcdUser()
    {
        _fileSystem.CreateDirectory("/etc", FileModes.Directory);
        _fileSystem.WriteAllText("/etc/passwd", "root:x:0:0::/root:/bin/sh\netcd:x:108:112::/var/lib/etcd:/usr/sbin/nologin\n", FileModes.Public);
        _fileSystem.CreateDirectory("/var/lib/etcd", FileModes.PrivateDirectory);
        _fileSystem.CreateDirectory("/etc/kubernetes/pki/etcd", FileModes.Directory);
        _fileSystem.WriteAllText("/etc/kubernetes/pki/etcd/server.key", "k", Mode0600);
        _fileSystem.WriteAllText("/etc/kubernetes/pki/etcd/peer.key", "k", Mode0600);
        _fileSystem.WriteAllText("/etc/kubernetes/pki/etcd/ca.key", "k", Mode0600);
        var config = Config();

        var pod = EtcdUserStep.Harden(Context(config), EtcdPodBuilder.Build(config));

        Assert.Equal(108, pod.Spec.SecurityContext.RunAsUser);
        Assert.Equal((108, 112), _fileSystem.OwnerOf("/var/lib/etcd"));
        Assert.Equal((108, 112), _fileSystem.OwnerOf("/etc/kubernetes/pki/etcd/server.key"));
        Assert.Equal((108, 112), _fileSystem.OwnerOf("/etc/kubernetes/pki/etcd/peer.key"));
        Assert.Equal((0, 0), _fileSystem.OwnerOf("/etc/kubernetes/pki/etcd/ca.key"));
        Assert.Equal(Mode0600, _fileSystem.GetMode("/etc/kubernetes/pki/etcd/server.key"));
    }

    [Fact]
    public void Should_KeepEtcdRootAndSayHowToFixIt_When_ThereIsNoEtcdUser()
    {
        var config = Config();

        var pod = EtcdUserStep.Harden(Context(config), EtcdPodBuilder.Build(config));

        Assert.Null(pod.Spec.SecurityContext.RunAsUser);
        Assert.Contains("CIS 1.1.12 is not met", _err.ToString());
        Assert.Contains("useradd --system", _err.ToString());
    }

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
    }

    private static KubeadmConfig Config()
    {
        var config = ConfigDefaults.CreateDefault();
        config.Cluster.KubernetesVersion = "v1.34.2";
        config.Init.LocalApiEndpoint.AdvertiseAddress = "10.0.0.7";
        ConfigDefaults.Apply(config);
        config.SecurityProfile = SecurityProfile.Cis;
        return config;
    }

    private InitContext Context(KubeadmConfig config) => new()
    {
        Loaded = new LoadedInitConfiguration(config, new InitOptions()),
        FileSystem = _fileSystem,
        ServiceManager = new RecordingServiceManager(),
        Clock = TimeProvider.System,
        Random = new SeededRandomSource(1),
        KeyGenerator = new SystemKeyGenerator(),
        StartTime = DateTimeOffset.UnixEpoch,
        Out = _out,
        Err = _err,
    };
}
