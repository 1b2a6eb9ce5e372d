using System.Globalization;
using System.Text;
using k8s.Models;
using Kubeadm.Core.Host;

namespace Kubeadm.Core.UploadCerts;

/// <summary>
/// The short-lived bootstrap token upload-certs creates only to own the kubeadm-certs Secret: when the token
/// cleaner deletes the expired token, garbage collection deletes the certificates with it. It has no usages and no
/// groups, so it can authenticate nothing.
/// </summary>
public static class CertificateKeyTokenSecret
{
    public const string SecretType = "bootstrap.kubernetes.io/token";
    public const string Description = "Proxy for managing TTL for the kubeadm-certs secret";

    /// <summary>kubeadm's DefaultCertTokenDuration.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromHours(2);

    /// <summary>A fresh token Secret expiring <see cref="Ttl"/> after <paramref name="now"/>.</summary>
    public static V1Secret Create(IRandomSource random, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(random);
        var id = random.NextTokenString(6);
        var secret = random.NextTokenString(16);
        return new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "bootstrap-token-" + id, NamespaceProperty = "kube-system" },
            Type = SecretType,
            Data = new Dictionary<string, byte[]>
            {
                ["token-id"] = Encoding.UTF8.GetBytes(id),
                ["token-secret"] = Encoding.UTF8.GetBytes(secret),
                ["description"] = Encoding.UTF8.GetBytes(Description),
                ["expiration"] = Encoding.UTF8.GetBytes(Rfc3339(now + Ttl)),
            },
        };
    }

    /// <summary>Go's time.RFC3339 layout, in UTC ("2025-03-01T14:00:00Z").</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
