using k8s.Models;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;
using Kubeadm.Core.UploadConfig;

namespace Kubeadm.Core.UploadCerts;

/// <summary>
/// The kube-system/kubeadm-certs Secret: the CAs, their keys and the service-account key pair that another control
/// plane node needs to join, each value encrypted with the certificate key, plus the Role letting bootstrap tokens read it.
/// </summary>
public static class KubeadmCertsSecret
{
    public const string Name = "kubeadm-certs";
    public const string Namespace = "kube-system";
    public const string RoleName = "kubeadm:kubeadm-certs";

    /// <summary>Our addition for the CIS profile: the API server's EncryptionConfiguration (it holds the key).</summary>
    public const string EncryptionConfigDataKey = "encryption-config.yaml";

    private static readonly string[] ControlPlaneFiles = ["ca.crt", "ca.key", "front-proxy-ca.crt", "front-proxy-ca.key", "sa.pub", "sa.key"];

    /// <summary>The files to carry, in kubeadm's data-key form (a "/" in the file name becomes "-").</summary>
    public static IReadOnlyList<UploadedCertificateFile> FilesFor(ClusterConfiguration cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var dir = (cluster.CertificatesDir.Length > 0 ? cluster.CertificatesDir : KubeadmConstants.DefaultCertificatesDir).TrimEnd('/');
        List<UploadedCertificateFile> files = [.. ControlPlaneFiles.Select(name => new UploadedCertificateFile(name, $"{dir}/{name}"))];
        if (cluster.Etcd.External is { } external)
        {
            files.Add(new("external-etcd-ca.crt", external.CaFile));
            files.Add(new("external-etcd.crt", external.CertFile));
            files.Add(new("external-etcd.key", external.KeyFile));
        }
        else
        {
            files.Add(new("etcd-ca.crt", $"{dir}/etcd/ca.crt"));
            files.Add(new("etcd-ca.key", $"{dir}/etcd/ca.key"));
        }

        if (Security.CisClusterSettings.IsAppliedTo(cluster))
        {
            // Every API server of the cluster must hold the same encryption key, or it cannot read what another wrote.
            files.Add(new(EncryptionConfigDataKey, Security.HardeningPaths.EncryptionConfigFile));
        }

        return files;
    }

    /// <summary>The Secret, owned (as controller) by the token Secret so it goes away when the token expires.</summary>
    public static V1Secret Create(IReadOnlyDictionary<string, byte[]> encryptedData, V1Secret owner)
    {
        ArgumentNullException.ThrowIfNull(encryptedData);
        ArgumentNullException.ThrowIfNull(owner);
        return new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = Name,
                NamespaceProperty = Namespace,
                OwnerReferences =
                [
                    new V1OwnerReference
                    {
                        ApiVersion = "v1",
                        Kind = "Secret",
                        Name = owner.Metadata.Name,
                        Uid = owner.Metadata.Uid,
                        Controller = true,
                        BlockOwnerDeletion = true,
                    },
                ],
            },
            Data = encryptedData.ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal),
        };
    }

    public static V1Role Role() => SingleObjectReadRole.Role(RoleName, Namespace, "secrets", Name);

    public static V1RoleBinding RoleBinding() =>
        SingleObjectReadRole.Binding(RoleName, Namespace, KubeadmConstants.NodeBootstrapTokenAuthGroup);
}
