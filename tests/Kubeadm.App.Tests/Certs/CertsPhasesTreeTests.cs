using Kubeadm.App.Certs;
using Kubeadm.App.Init;

namespace Kubeadm.App.Tests.Certs;

public sealed class CertsPhasesTreeTests
{
    [Fact]
    public void Should_DeriveNamesHelpAndFlagsFromCatalogue_When_CreatingSubPhases()
    {
        var phases = CertsPhases.Create();

        Assert.Equal(
            ["ca", "apiserver", "apiserver-kubelet-client", "front-proxy-ca", "front-proxy-client", "etcd-ca", "etcd-server", "etcd-peer",
             "etcd-healthcheck-client", "apiserver-etcd-client", "sa"],
            phases.Select(p => p.Name));
        Assert.All(phases, p => Assert.NotNull(p.Run));
        var apiServer = phases.Single(p => p.Name == "apiserver");
        Assert.Equal("Generate the API server's serving certificate", apiServer.Short);
        Assert.StartsWith("Generate the API server's serving certificate, as apiserver.crt and apiserver.key in the certificate directory.", apiServer.Long, StringComparison.Ordinal);
        Assert.Contains("apiserver-cert-extra-sans", apiServer.InheritFlags);
        Assert.Contains("apiserver-advertise-address", phases.Single(p => p.Name == "etcd-peer").InheritFlags);
        Assert.Equal(["cert-dir", "config", "dry-run", "kubernetes-version"], phases.Single(p => p.Name == "ca").InheritFlags.ToArray());
        Assert.Contains("as sa.key and sa.pub in the certificate directory", phases.Single(p => p.Name == "sa").Long, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_AnnounceFromParent_When_CertsGroupIsDeclared()
    {
        var certs = InitPhaseTree.Create().Single(p => p.Name == "certs");

        Assert.Same(CertsPhases.RunParent, certs.Run);
        Assert.Equal("all", certs.Children[0].Name);
    }
}
