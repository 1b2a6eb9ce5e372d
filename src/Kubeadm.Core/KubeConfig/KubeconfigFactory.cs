using k8s.KubeConfigModels;
using Kubeadm.Core.Pki;

namespace Kubeadm.Core.KubeConfig;

/// <summary>
/// Creates the kubeconfig documents kubeadm writes. Each carries a fresh client certificate signed by the cluster CA:
/// ClientAuth only, CN = the user, O = the file's groups, valid from the CA's NotBefore until start time + validity.
/// </summary>
public static class KubeconfigFactory
{
    /// <summary>The certificate request for <paramref name="file"/>; pure data.</summary>
    public static CertificateSpec ClientCertificateSpec(
        KubeconfigFileSpec file, KubeconfigClusterSettings settings, DateTimeOffset caNotBefore, DateTimeOffset startTime)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(settings);
        return new CertificateSpec
        {
            CommonName = file.ClientName(settings.NodeName),
            Organizations = file.Organizations,
            ClientAuth = true,
            NotBefore = caNotBefore,
            NotAfter = startTime + settings.CertificateValidity,
        };
    }

    /// <summary>The kubeconfig for <paramref name="file"/> with a new key from <paramref name="keys"/>, signed by <paramref name="ca"/>.</summary>
    public static K8SConfiguration Create(
        KubeconfigFileSpec file, KubeconfigClusterSettings settings, KeyAndCertificate ca, IKeyGenerator keys, DateTimeOffset startTime)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(ca);
        ArgumentNullException.ThrowIfNull(keys);
        var spec = ClientCertificateSpec(file, settings, ca.Certificate.NotBefore.ToUniversalTime(), startTime);
        return WithNewClientCertificate(spec, settings.ServerFor(file), settings, ca, keys);
    }

    /// <summary>A kubeconfig for user <c>spec.CommonName</c> at <paramref name="server"/>, with a new key signed by <paramref name="ca"/>.</summary>
    public static K8SConfiguration WithNewClientCertificate(
        CertificateSpec spec, string server, KubeconfigClusterSettings settings, KeyAndCertificate ca, IKeyGenerator keys)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(ca);
        ArgumentNullException.ThrowIfNull(keys);
        using var key = keys.Generate(settings.KeyAlgorithm);
        using var certificate = CertificateSigner.Issue(spec, key, ca);
        return KubeconfigBuilder.WithClientCertificate(
            server,
            settings.ClusterName,
            spec.CommonName,
            PemCodec.EncodeCertificates(ca.Certificate),
            PemCodec.EncodeCertificates(certificate),
            PemCodec.EncodePrivateKey(key));
    }
}
