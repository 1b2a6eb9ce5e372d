using k8s.Models;
using Kubeadm.Core.BootstrapTokens;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Host;

namespace Kubeadm.Core.UploadCerts;

/// <summary>
/// The short-lived bootstrap token upload-certs creates only to own the kubeadm-certs Secret: when the token
/// cleaner deletes the expired token, garbage collection deletes the certificates with it. It has no usages and no
/// groups, so it can authenticate nothing.
/// </summary>
public static class CertificateKeyTokenSecret
{
    public const string Description = "Proxy for managing TTL for the kubeadm-certs secret";

    /// <summary>kubeadm's DefaultCertTokenDuration.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromHours(2);

    /// <summary>A fresh token Secret expiring <see cref="Ttl"/> after <paramref name="now"/>.</summary>
    public static V1Secret Create(IRandomSource random, DateTimeOffset now) =>
        BootstrapTokenSecret.Encode(
            new BootstrapToken { Token = BootstrapTokenGenerator.Generate(random), Description = Description, Ttl = Ttl },
            now);
}
