using Kubeadm.Core.Kubelet;
using Kubeadm.Core.Security;

namespace Kubeadm.Core.Tests.Kubelet;

public sealed class KubeletConfigurationCisTests
{
    private readonly List<string> _warnings = [];

    [Fact]
    public void Should_AskTheClusterCaForTheServingCertificate_When_TheProfileIsCis()
    {
        var kubelet = KubeletConfigurationBuilder.Build(KubeletConfigs.Default(c => c.SecurityProfile = SecurityProfile.Cis), false, _warnings.Add);

        Assert.True(kubelet["serverTLSBootstrap"]!.GetValue<bool>());
        Assert.Empty(_warnings);
    }

    [Fact]
    public void Should_LeaveServerTlsBootstrapUnset_When_NoProfile()
    {
        var kubelet = KubeletConfigurationBuilder.Build(KubeletConfigs.Default(), false, _warnings.Add);

        Assert.False(kubelet.ContainsKey("serverTLSBootstrap"));
    }

    [Fact]
    public void Should_KeepTheUsersChoiceAndWarn_When_TheKubeletDocumentTurnsItOff()
    {
        var config = KubeletConfigs.Default(c => c.SecurityProfile = SecurityProfile.Cis);
        KubeletConfigs.AddKubeletDocument(config, "{'serverTLSBootstrap': false}");

        var kubelet = KubeletConfigurationBuilder.Build(config, false, _warnings.Add);

        Assert.False(kubelet["serverTLSBootstrap"]!.GetValue<bool>());
        Assert.Contains(_warnings, w => w.Contains("--kubelet-certificate-authority", StringComparison.Ordinal));
    }
}
