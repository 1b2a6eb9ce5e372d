using System.Security.Cryptography.X509Certificates;
using Kubeadm.App.Init;
using Kubeadm.App.KubeConfig;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.Tests.KubeConfig;

public sealed class KubeconfigPhaseTests
{
    private readonly KubeconfigPhaseFixture _fixture = new KubeconfigPhaseFixture().WithCa();

    [Fact]
    public async Task Should_WriteFivePrivateFilesWithKubeadmIdentities_When_RunFirstTime()
    {
        var context = _fixture.Context(new InitOptions { ControlPlaneEndpoint = "lb.example.com" });

        await KubeconfigPhaseFixture.RunAsync(context);

        (string File, string Subject, string Server)[] expected =
        [
            ("admin.conf", "CN=kubernetes-admin, O=kubeadm:cluster-admins", "https://lb.example.com:6443"),
            ("super-admin.conf", "CN=kubernetes-super-admin, O=system:masters", "https://lb.example.com:6443"),
            ("kubelet.conf", "CN=system:node:node-a, O=system:nodes", "https://lb.example.com:6443"),
            ("controller-manager.conf", "CN=system:kube-controller-manager", "https://10.0.0.7:6443"),
            ("scheduler.conf", "CN=system:kube-scheduler", "https://10.0.0.7:6443"),
        ];
        foreach (var (file, subject, server) in expected)
        {
            var path = "/etc/kubernetes/" + file;
            Assert.Equal(FileModes.Private, _fixture.FileSystem.GetMode(path));
            var config = KubeconfigYamlReader.Read(_fixture.FileSystem.ReadAllText(path), path);
            var user = Assert.Single(config.Users);
            Assert.Equal($"{user.Name}@kubernetes", config.CurrentContext);
            Assert.Equal(user.Name, Assert.Single(config.Contexts).ContextDetails.User);
            var cluster = Assert.Single(config.Clusters);
            Assert.Equal("kubernetes", cluster.Name);
            Assert.Equal(server, cluster.ClusterEndpoint.Server);
            Assert.Equal(_fixture.CaPem, Convert.FromBase64String(cluster.ClusterEndpoint.CertificateAuthorityData));
            using var certificate = X509Certificate2.CreateFromPem(KubeconfigBuilder.DecodeData(user.UserCredentials.ClientCertificateData));
            Assert.Equal(subject, certificate.Subject);
            Assert.True(CertificateChecks.IsSignedBy(certificate, [], _fixture.Ca.Certificate));
            Assert.Equal(_fixture.Ca.Certificate.NotBefore, certificate.NotBefore);
            Assert.Equal(KubeconfigPhaseFixture.StartTime.AddYears(1).UtcDateTime, certificate.NotAfter.ToUniversalTime());
        }

        Assert.Equal(
            string.Concat(expected.Select(e => $"[kubeconfig] Writing \"{e.File}\" kubeconfig file\n")),
            _fixture.Out.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Should_KeepExistingBytes_When_RunAgain()
    {
        await KubeconfigPhaseFixture.RunAsync(_fixture.Context());
        var before = KubeconfigCatalogue.All.Select(f => _fixture.FileSystem.ReadAllBytes("/etc/kubernetes/" + f.FileName)).ToList();
        _fixture.Out.GetStringBuilder().Clear();

        await KubeconfigPhaseFixture.RunAsync(_fixture.Context());

        Assert.Equal(before, KubeconfigCatalogue.All.Select(f => _fixture.FileSystem.ReadAllBytes("/etc/kubernetes/" + f.FileName)));
        Assert.Equal(
            string.Concat(KubeconfigCatalogue.All.Select(f => $"[kubeconfig] Using existing kubeconfig file: \"/etc/kubernetes/{f.FileName}\"\n")),
            _fixture.Out.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Should_Fail_When_ExistingFileHasWrongCa()
    {
        _fixture.WriteUserKubeconfig(KubeconfigCatalogue.Admin, "https://10.0.0.7:6443", "-----BEGIN CERTIFICATE-----\nOTHER\n"u8.ToArray());

        var error = await Assert.ThrowsAsync<KubeadmUserException>(() => KubeconfigPhaseFixture.RunAsync(_fixture.Context(), "admin"));

        Assert.Equal("a kubeconfig file \"/etc/kubernetes/admin.conf\" exists already but has got the wrong CA cert", error.Message);
    }

    [Fact]
    public async Task Should_WarnAndKeepFile_When_ExistingFileHasDifferentServer()
    {
        _fixture.WriteUserKubeconfig(KubeconfigCatalogue.Scheduler, "https://old.example.com:6443");
        var before = _fixture.FileSystem.ReadAllBytes("/etc/kubernetes/scheduler.conf");

        await KubeconfigPhaseFixture.RunAsync(_fixture.Context(), "scheduler");

        Assert.Equal(before, _fixture.FileSystem.ReadAllBytes("/etc/kubernetes/scheduler.conf"));
        Assert.Contains(
            "WARNING: a kubeconfig file \"/etc/kubernetes/scheduler.conf\" exists already but has an unexpected API Server URL: "
            + "expected: https://10.0.0.7:6443, got: https://old.example.com:6443",
            _fixture.Err.ToString(), StringComparison.Ordinal);
        Assert.Contains("[kubeconfig] Using existing kubeconfig file: \"/etc/kubernetes/scheduler.conf\"", _fixture.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_FailNamingFile_When_ExistingFileIsCorrupt()
    {
        _fixture.FileSystem.WriteAllText("/etc/kubernetes/kubelet.conf", "clusters: {not: [a list", FileModes.Private);

        var error = await Assert.ThrowsAsync<KubeconfigFormatException>(() => KubeconfigPhaseFixture.RunAsync(_fixture.Context(), "kubelet"));

        Assert.StartsWith("failed to load kubeconfig file \"/etc/kubernetes/kubelet.conf\" that already exists on disk", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_TellToRunCertsCa_When_CaIsMissing()
    {
        var fixture = new KubeconfigPhaseFixture();

        var error = await Assert.ThrowsAsync<KubeadmUserException>(() => KubeconfigPhaseFixture.RunAsync(fixture.Context(), "admin"));

        Assert.StartsWith("the CA files do not exist, please run `kubeadm init phase certs ca` to generate it", error.Message, StringComparison.Ordinal);
        Assert.False(fixture.FileSystem.FileExists("/etc/kubernetes/admin.conf"));
    }

    [Fact]
    public async Task Should_WriteIntoKubeconfigDir_When_Given()
    {
        var context = _fixture.Context(new InitOptions { KubeconfigDir = "/srv/kube", NodeName = "worker-9" });

        await KubeconfigPhaseFixture.RunAsync(context, "kubelet");
        await KubeconfigPhases.AnnounceFolder(context, CancellationToken.None);

        var config = KubeconfigYamlReader.Read(_fixture.FileSystem.ReadAllText("/srv/kube/kubelet.conf"), "kubelet.conf");
        Assert.Equal("system:node:worker-9@kubernetes", config.CurrentContext);
        Assert.False(_fixture.FileSystem.FileExists("/etc/kubernetes/kubelet.conf"));
        Assert.EndsWith("[kubeconfig] Using kubeconfig folder \"/srv/kube\"\n", _fixture.Out.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_WriteOnlyThroughOverlayWithKeyRedacted_When_DryRun()
    {
        var printed = new StringWriter();
        var overlay = new DryRunFileSystem(_fixture.FileSystem, printed);

        await KubeconfigPhaseFixture.RunAsync(_fixture.Context(fileSystem: overlay), "admin");

        Assert.False(_fixture.FileSystem.FileExists("/etc/kubernetes/admin.conf"));
        Assert.True(overlay.FileExists("/etc/kubernetes/admin.conf"));
        Assert.Contains("[dryrun] Would write file \"/etc/kubernetes/admin.conf\" with content:", printed.ToString(), StringComparison.Ordinal);
        Assert.Contains("client-key-data: <redacted>", printed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_PrintDefaultFolder_When_Announcing()
    {
        await KubeconfigPhases.AnnounceFolder(_fixture.Context(), CancellationToken.None);

        Assert.Equal("[kubeconfig] Using kubeconfig folder \"/etc/kubernetes\"\n", _fixture.Out.ToString().ReplaceLineEndings("\n"));
    }
}
