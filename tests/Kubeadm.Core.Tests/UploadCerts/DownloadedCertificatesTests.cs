using System.Text;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.UploadCerts;

namespace Kubeadm.Core.Tests.UploadCerts;

public sealed class DownloadedCertificatesTests
{
    private static readonly string Key = new('1', 64);

    [Fact]
    public void Should_DecryptEveryEntryWithKeysPrivate_When_TheKeyIsRight()
    {
        var cluster = ConfigDefaults.CreateDefault().Cluster;

        var files = DownloadedCertificates.Decrypt(Encrypted(cluster, Key), Key, cluster);

        Assert.Equal(8, files.Count);
        Assert.Equal(FileModes.Private, files.Single(f => f.DataKey == "ca.key").Mode);
        Assert.Equal(FileModes.Public, files.Single(f => f.DataKey == "ca.crt").Mode);
        Assert.Equal("/etc/kubernetes/pki/etcd/ca.key", files.Single(f => f.DataKey == "etcd-ca.key").Path);
    }

    [Fact]
    public void Should_FailWithoutReturningAnything_When_TheKeyIsWrong()
    {
        var cluster = ConfigDefaults.CreateDefault().Cluster;

        var error = Assert.Throws<KubeadmUserException>(() => DownloadedCertificates.Decrypt(Encrypted(cluster, Key), new string('2', 64), cluster));

        Assert.StartsWith("error decoding secret data with provided key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('2', 64), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_NameTheMissingEntry_When_TheSecretLacksOne()
    {
        var cluster = ConfigDefaults.CreateDefault().Cluster;
        var data = Encrypted(cluster, Key);
        data.Remove("sa.key");

        var error = Assert.Throws<KubeadmUserException>(() => DownloadedCertificates.Decrypt(data, Key, cluster));

        Assert.Equal("the Secret does not include the required certificate or key - name: sa.key, path: /etc/kubernetes/pki/sa.key", error.Message);
    }

    private static Dictionary<string, byte[]> Encrypted(ClusterConfiguration cluster, string key)
    {
        var random = new CryptoRandomSource();
        var aes = Convert.FromHexString(key);
        return KubeadmCertsSecret.FilesFor(cluster).ToDictionary(
            f => f.DataKey,
            f => CertificateKeyCipher.Encrypt(
                Encoding.ASCII.GetBytes(f.DataKey.EndsWith(".key", StringComparison.Ordinal) ? "-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n" : "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n"),
                aes,
                random));
    }
}
