using Kubeadm.App.Tests.Kubelet;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Host;
using Kubeadm.Core.Security;

namespace Kubeadm.App.Tests.Security;

public sealed class KubeletConfigModeTests
{
    [Fact]
    public async Task Should_WriteConfigYaml0600WithServerTlsBootstrap_When_TheProfileIsCis()
    {
        var fixture = new KubeletStartFixture();
        fixture.Config.SecurityProfile = SecurityProfile.Cis;

        await fixture.RunAsync();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, fixture.FileSystem.GetMode(KubeadmConstants.KubeletConfigFile));
        Assert.Contains("\nserverTLSBootstrap: true\n", fixture.FileSystem.ReadAllText(KubeadmConstants.KubeletConfigFile));
    }
}
