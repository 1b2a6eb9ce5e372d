using System.Text;
using Kubeadm.Core.Errors;
using Kubeadm.Core.KubeConfig;

namespace Kubeadm.Core.Tests.KubeConfig;

public sealed class KubeconfigValidatorTests
{
    private const string Path = "/etc/kubernetes/admin.conf";
    private const string Server = "https://10.0.0.1:6443";
    private static readonly byte[] CaPem = Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

    [Fact]
    public void Should_AcceptWithoutWarnings_When_CaAndServerMatch()
    {
        var existing = KubeconfigBuilder.Basic(Server, "kubernetes", "kubernetes-admin", CaPem);

        Assert.Empty(KubeconfigValidator.Validate(existing, Path, CaPem, Server, NoFiles));
    }

    [Fact]
    public void Should_Accept_When_CaDiffersOnlyInSurroundingWhitespace()
    {
        var existing = KubeconfigBuilder.Basic(Server, "kubernetes", "kubernetes-admin", [.. "\n  "u8, .. CaPem, .. "\n\n"u8]);

        Assert.Empty(KubeconfigValidator.Validate(existing, Path, CaPem, Server, NoFiles));
    }

    [Fact]
    public void Should_Throw_When_CaDiffers()
    {
        var existing = KubeconfigBuilder.Basic(Server, "kubernetes", "kubernetes-admin", "OTHER"u8);

        var error = Assert.Throws<KubeadmUserException>(() => KubeconfigValidator.Validate(existing, Path, CaPem, Server, NoFiles));

        Assert.Equal($"a kubeconfig file \"{Path}\" exists already but has got the wrong CA cert", error.Message);
    }

    [Fact]
    public void Should_WarnOnly_When_ServerDiffers()
    {
        var existing = KubeconfigBuilder.Basic("https://old:6443", "kubernetes", "kubernetes-admin", CaPem);

        var warning = Assert.Single(KubeconfigValidator.Validate(existing, Path, CaPem, Server, NoFiles));

        Assert.Equal(
            $"a kubeconfig file \"{Path}\" exists already but has an unexpected API Server URL: expected: {Server}, got: https://old:6443", warning);
    }

    [Fact]
    public void Should_ReadCaFileRelativeToKubeconfig_When_NoCaDataIsEmbedded()
    {
        var existing = KubeconfigBuilder.Basic(Server, "kubernetes", "kubernetes-admin", []);
        existing.Clusters[0].ClusterEndpoint.CertificateAuthority = "pki/ca.crt";
        var files = new Dictionary<string, byte[]> { ["/etc/kubernetes/pki/ca.crt"] = CaPem };

        Assert.Empty(KubeconfigValidator.Validate(existing, Path, CaPem, Server, p => files[p]));
    }

    [Fact]
    public void Should_WarnAndReject_When_CaFileCannotBeRead()
    {
        var existing = KubeconfigBuilder.Basic(Server, "kubernetes", "kubernetes-admin", []);
        existing.Clusters[0].ClusterEndpoint.CertificateAuthority = "/nowhere/ca.crt";

        Assert.Throws<KubeadmUserException>(() => KubeconfigValidator.Validate(existing, Path, CaPem, Server, NoFiles));
    }

    [Fact]
    public void Should_Throw_When_CurrentContextIsMissing()
    {
        var existing = KubeconfigBuilder.Basic(Server, "kubernetes", "kubernetes-admin", CaPem);
        existing.CurrentContext = "other";

        var error = Assert.Throws<KubeadmUserException>(() => KubeconfigValidator.Validate(existing, Path, CaPem, Server, NoFiles));

        Assert.Equal($"failed to find CurrentContext in Contexts of the kubeconfig file {Path}", error.Message);
    }

    [Fact]
    public void Should_Throw_When_CurrentContextClusterIsMissing()
    {
        var existing = KubeconfigBuilder.Basic(Server, "kubernetes", "kubernetes-admin", CaPem);
        existing.Clusters.Clear();

        var error = Assert.Throws<KubeadmUserException>(() => KubeconfigValidator.Validate(existing, Path, CaPem, Server, NoFiles));

        Assert.Contains("failed to find the given CurrentContext Cluster", error.Message, StringComparison.Ordinal);
    }

    private static byte[] NoFiles(string path) => throw new FileNotFoundException($"file \"{path}\" does not exist");
}
