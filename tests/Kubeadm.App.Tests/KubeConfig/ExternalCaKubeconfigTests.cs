using Kubeadm.Core.Errors;
using Kubeadm.Core.KubeConfig;

namespace Kubeadm.App.Tests.KubeConfig;

public sealed class ExternalCaKubeconfigTests
{
    private readonly KubeconfigPhaseFixture _fixture = new KubeconfigPhaseFixture().WithCa(withKey: false);

    [Fact]
    public async Task Should_UseUserFilesAndWriteNothing_When_AllFilesTrustTheCa()
    {
        WriteAllUserFiles();
        var before = KubeconfigCatalogue.All.Select(f => _fixture.FileSystem.ReadAllBytes("/etc/kubernetes/" + f.FileName)).ToList();

        await KubeconfigPhaseFixture.RunAsync(_fixture.Context());

        Assert.Equal(before, KubeconfigCatalogue.All.Select(f => _fixture.FileSystem.ReadAllBytes("/etc/kubernetes/" + f.FileName)));
        Assert.Equal(
            string.Concat(KubeconfigCatalogue.All.Select(f => $"[kubeconfig] External CA mode: Using user provided {f.FileName}\n")),
            _fixture.Out.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("", _fixture.Err.ToString());
    }

    [Fact]
    public async Task Should_FailNamingFile_When_AFileIsMissing()
    {
        WriteAllUserFiles();
        _fixture.FileSystem.DeleteFile("/etc/kubernetes/controller-manager.conf");

        var error = await Assert.ThrowsAsync<KubeadmUserException>(() => KubeconfigPhaseFixture.RunAsync(_fixture.Context(), "admin"));

        Assert.Equal(
            "the controller-manager.conf file does not exists or it is not valid: file \"/etc/kubernetes/controller-manager.conf\" does not exist",
            error.Message);
    }

    [Fact]
    public async Task Should_FailNamingFile_When_AFileTrustsAnotherCa()
    {
        WriteAllUserFiles();
        _fixture.WriteUserKubeconfig(KubeconfigCatalogue.Kubelet, "https://10.0.0.7:6443", "OTHER CA"u8.ToArray());

        var error = await Assert.ThrowsAsync<KubeadmUserException>(() => KubeconfigPhaseFixture.RunAsync(_fixture.Context(), "scheduler"));

        Assert.StartsWith("the kubelet.conf file does not exists or it is not valid: a kubeconfig file \"/etc/kubernetes/kubelet.conf\"", error.Message,
            StringComparison.Ordinal);
        Assert.Empty(_fixture.Out.ToString());
    }

    [Fact]
    public async Task Should_WarnOncePerRun_When_AServerDiffers()
    {
        WriteAllUserFiles();
        _fixture.WriteUserKubeconfig(KubeconfigCatalogue.Admin, "https://elsewhere:6443");

        await KubeconfigPhaseFixture.RunAsync(_fixture.Context());

        Assert.Single(_fixture.Err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"/etc/kubernetes/admin.conf\" exists already but has an unexpected API Server URL", _fixture.Err.ToString(), StringComparison.Ordinal);
    }

    private void WriteAllUserFiles()
    {
        foreach (var file in KubeconfigCatalogue.All)
        {
            _fixture.WriteUserKubeconfig(file, "https://10.0.0.7:6443");
        }
    }
}
