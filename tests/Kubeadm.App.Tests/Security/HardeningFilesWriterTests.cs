using Kubeadm.App.Init;
using Kubeadm.App.Security;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Pki;
using Kubeadm.Core.Security;

namespace Kubeadm.App.Tests.Security;

public sealed class HardeningFilesWriterTests : IDisposable
{
    private const UnixFileMode Mode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Mode0700 = Mode0600 | UnixFileMode.UserExecute;

    private readonly InMemoryFileSystem _fileSystem = new();
    private readonly StringWriter _out = new();

    [Fact]
    public void Should_WriteEachFilePrivately_When_TheClusterUsesTheProfile()
    {
        HardeningFilesWriter.Write(Context(Hardened()));

        Assert.Equal(Mode0700, _fileSystem.GetMode(HardeningPaths.ConfigDirectory));
        foreach (var path in new[] { HardeningPaths.EncryptionConfigFile, HardeningPaths.AuditPolicyFile, HardeningPaths.AuthenticationConfigFile })
        {
            Assert.Equal(Mode0600, _fileSystem.GetMode(path));
        }

        Assert.Null(EncryptionConfigurationFile.Problem(_fileSystem.ReadAllText(HardeningPaths.EncryptionConfigFile)));
        Assert.Equal(AuditPolicyFile.Content, _fileSystem.ReadAllText(HardeningPaths.AuditPolicyFile));
        Assert.Equal(AnonymousAuthenticationFile.Content, _fileSystem.ReadAllText(HardeningPaths.AuthenticationConfigFile));
        Assert.True(_fileSystem.DirectoryExists(HardeningPaths.AuditLogDirectory));
        Assert.DoesNotContain("secret:", _out.ToString());
    }

    [Fact]
    public void Should_KeepTheExistingKey_When_RunAgain()
    {
        HardeningFilesWriter.Write(Context(Hardened()));
        var first = _fileSystem.ReadAllText(HardeningPaths.EncryptionConfigFile);

        HardeningFilesWriter.Write(Context(Hardened(), seed: 99));

        Assert.Equal(first, _fileSystem.ReadAllText(HardeningPaths.EncryptionConfigFile));
        Assert.Contains("Using the existing encryption configuration", _out.ToString());
    }

    [Fact]
    public void Should_RefuseAndNotOverwrite_When_TheExistingEncryptionConfigIsWeak()
    {
        _fileSystem.CreateDirectory(HardeningPaths.ConfigDirectory, Mode0700);
        const string weak = "kind: EncryptionConfiguration\nresources:\n- resources: [secrets]\n  providers: [{identity: {}}]\n";
        _fileSystem.WriteAllText(HardeningPaths.EncryptionConfigFile, weak, Mode0600);

        var error = Assert.Throws<KubeadmUserException>(() => HardeningFilesWriter.Write(Context(Hardened())));

        Assert.Contains(HardeningPaths.EncryptionConfigFile, error.Message);
        Assert.Contains("\"identity\"", error.Message);
        Assert.Equal(weak, _fileSystem.ReadAllText(HardeningPaths.EncryptionConfigFile));
    }

    [Fact]
    public void Should_WriteNoAuthenticationConfig_When_TheApiServerIsTooOldForIt()
    {
        HardeningFilesWriter.Write(Context(Hardened("v1.31.0")));

        Assert.True(_fileSystem.FileExists(HardeningPaths.EncryptionConfigFile));
        Assert.False(_fileSystem.FileExists(HardeningPaths.AuthenticationConfigFile));
    }

    [Fact]
    public void Should_WriteNothing_When_TheClusterDoesNotUseTheProfile()
    {
        var config = Hardened();
        config.Cluster.ApiServer.ExtraArgs.Clear();

        HardeningFilesWriter.Write(Context(config));

        Assert.False(_fileSystem.DirectoryExists(HardeningPaths.ConfigDirectory));
    }

    public void Dispose() => _out.Dispose();

    private static KubeadmConfig Hardened(string version = "v1.34.2")
    {
        var config = ConfigDefaults.CreateDefault();
        config.Cluster.KubernetesVersion = version;
        ConfigDefaults.Apply(config);
        config.SecurityProfile = SecurityProfile.Cis;
        CisClusterSettings.Apply(config.Cluster, _ => { });
        return config;
    }

    private InitContext Context(KubeadmConfig config, ulong seed = 1) => new()
    {
        Loaded = new LoadedInitConfiguration(config, new InitOptions()),
        FileSystem = _fileSystem,
        ServiceManager = new RecordingServiceManager(),
        Clock = TimeProvider.System,
        Random = new SeededRandomSource(seed),
        KeyGenerator = new SystemKeyGenerator(),
        StartTime = DateTimeOffset.UnixEpoch,
        Out = _out,
    };
}
