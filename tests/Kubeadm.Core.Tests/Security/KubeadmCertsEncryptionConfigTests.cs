using System.Text;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Host;
using Kubeadm.Core.Security;
using Kubeadm.Core.UploadCerts;

namespace Kubeadm.Core.Tests.Security;

public sealed class KubeadmCertsEncryptionConfigTests
{
    [Fact]
    public void Should_DownloadTheEncryptionConfigAs0600_When_TheSecretCarriesIt()
    {
        var config = ConfigDefaults.CreateDefault();
        config.Cluster.KubernetesVersion = "v1.34.2";
        ConfigDefaults.Apply(config);
        CisClusterSettings.Apply(config.Cluster, _ => { });
        var random = new SeededRandomSource(3);
        var certificateKey = CertificateKeyCipher.CreateKey(random);
        var key = CertificateKeyCipher.DecodeKey(certificateKey);
        var encryptionConfig = EncryptionConfigurationFile.Create(new byte[32]);
        var data = KubeadmCertsSecret.FilesFor(config.Cluster).ToDictionary(
            file => file.DataKey,
            file => CertificateKeyCipher.Encrypt(Encoding.ASCII.GetBytes(
                file.DataKey == KubeadmCertsSecret.EncryptionConfigDataKey ? encryptionConfig
                : file.DataKey.EndsWith(".key", StringComparison.Ordinal) ? "-----BEGIN PRIVATE KEY-----\n" : "-----BEGIN CERTIFICATE-----\n"), key, random),
            StringComparer.Ordinal);

        var files = DownloadedCertificates.Decrypt(data, certificateKey, config.Cluster);

        var downloaded = Assert.Single(files, f => f.DataKey == KubeadmCertsSecret.EncryptionConfigDataKey);
        Assert.Equal(HardeningPaths.EncryptionConfigFile, downloaded.Path);
        Assert.Equal(FileModes.Private, downloaded.Mode);
        Assert.Equal(encryptionConfig, Encoding.ASCII.GetString(downloaded.Content));
    }
}
