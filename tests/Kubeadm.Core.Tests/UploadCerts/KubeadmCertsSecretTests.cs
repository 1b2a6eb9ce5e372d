using System.Text;
using k8s.Models;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.UploadCerts;

namespace Kubeadm.Core.Tests.UploadCerts;

public sealed class KubeadmCertsSecretTests
{
    [Fact]
    public void Should_CarryTheSharedCasAndServiceAccountKeys_When_EtcdIsLocal()
    {
        var files = KubeadmCertsSecret.FilesFor(new ClusterConfiguration { CertificatesDir = "/etc/kubernetes/pki" });

        Assert.Equal(
            [
                ("ca.crt", "/etc/kubernetes/pki/ca.crt"), ("ca.key", "/etc/kubernetes/pki/ca.key"),
                ("front-proxy-ca.crt", "/etc/kubernetes/pki/front-proxy-ca.crt"), ("front-proxy-ca.key", "/etc/kubernetes/pki/front-proxy-ca.key"),
                ("sa.pub", "/etc/kubernetes/pki/sa.pub"), ("sa.key", "/etc/kubernetes/pki/sa.key"),
                ("etcd-ca.crt", "/etc/kubernetes/pki/etcd/ca.crt"), ("etcd-ca.key", "/etc/kubernetes/pki/etcd/ca.key"),
            ],
            files.Select(f => (f.DataKey, f.Path)));
    }

    [Fact]
    public void Should_CarryTheExternalEtcdClientFiles_When_EtcdIsExternal()
    {
        var cluster = new ClusterConfiguration
        {
            CertificatesDir = "/pki/",
            Etcd = new global::Kubeadm.Core.Configuration.Etcd { External = new ExternalEtcd { CaFile = "/e/ca.crt", CertFile = "/e/c.crt", KeyFile = "" } },
        };

        var files = KubeadmCertsSecret.FilesFor(cluster);

        Assert.Equal("/pki/ca.crt", files[0].Path);
        Assert.DoesNotContain(files, f => f.DataKey.StartsWith("etcd-", StringComparison.Ordinal));
        Assert.Equal(
            [("external-etcd-ca.crt", "/e/ca.crt"), ("external-etcd.crt", "/e/c.crt"), ("external-etcd.key", "")],
            files.Skip(6).Select(f => (f.DataKey, f.Path)));
    }

    [Fact]
    public void Should_BeOwnedByTheTokenSecret_When_Created()
    {
        var owner = new V1Secret { Metadata = new V1ObjectMeta { Name = "bootstrap-token-abcdef", Uid = "uid-1" } };

        var secret = KubeadmCertsSecret.Create(new Dictionary<string, byte[]> { ["ca.crt"] = [1, 2] }, owner);

        Assert.Equal(("kubeadm-certs", "kube-system"), (secret.Metadata.Name, secret.Metadata.NamespaceProperty));
        Assert.Null(secret.Type);
        var reference = Assert.Single(secret.Metadata.OwnerReferences);
        Assert.Equal(("v1", "Secret", "bootstrap-token-abcdef", "uid-1"), (reference.ApiVersion, reference.Kind, reference.Name, reference.Uid));
        Assert.True(reference.Controller);
        Assert.True(reference.BlockOwnerDeletion);
        Assert.Equal([1, 2], secret.Data["ca.crt"]);
    }

    [Fact]
    public void Should_LetOnlyBootstrapTokensGetTheSecret_When_BuildingRbac()
    {
        var rule = Assert.Single(KubeadmCertsSecret.Role().Rules);
        Assert.Equal(["get"], rule.Verbs);
        Assert.Equal([""], rule.ApiGroups);
        Assert.Equal(["secrets"], rule.Resources);
        Assert.Equal(["kubeadm-certs"], rule.ResourceNames);
        var binding = KubeadmCertsSecret.RoleBinding();
        Assert.Equal(("kubeadm:kubeadm-certs", "kube-system"), (binding.Metadata.Name, binding.Metadata.NamespaceProperty));
        Assert.Equal(("rbac.authorization.k8s.io", "Role", "kubeadm:kubeadm-certs"), (binding.RoleRef.ApiGroup, binding.RoleRef.Kind, binding.RoleRef.Name));
        var subject = Assert.Single(binding.Subjects);
        Assert.Equal(("Group", "system:bootstrappers:kubeadm:default-node-token"), (subject.Kind, subject.Name));
    }

    [Fact]
    public void Should_BeAnUnusableTwoHourToken_When_CreatingTheOwnerToken()
    {
        var now = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

        var secret = CertificateKeyTokenSecret.Create(new Host.SeededRandomSource(4), now);

        var id = Encoding.UTF8.GetString(secret.Data["token-id"]);
        Assert.Matches("^[a-z0-9]{6}$", id);
        Assert.Matches("^[a-z0-9]{16}$", Encoding.UTF8.GetString(secret.Data["token-secret"]));
        Assert.Equal(("bootstrap-token-" + id, "kube-system"), (secret.Metadata.Name, secret.Metadata.NamespaceProperty));
        Assert.Equal("bootstrap.kubernetes.io/token", secret.Type);
        Assert.Equal("Proxy for managing TTL for the kubeadm-certs secret", Encoding.UTF8.GetString(secret.Data["description"]));
        Assert.Equal("2025-03-01T14:00:00Z", Encoding.UTF8.GetString(secret.Data["expiration"]));
        Assert.Equal(["description", "expiration", "token-id", "token-secret"], secret.Data.Keys.Order(StringComparer.Ordinal));
    }
}
