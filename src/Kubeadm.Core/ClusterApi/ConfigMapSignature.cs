using System.Security.Cryptography;
using System.Text;
using k8s.Models;

namespace Kubeadm.Core.ClusterApi;

/// <summary>
/// kubeadm's component-config signature: a SHA-256 over the ConfigMap's values (data, then binaryData, each in key
/// order; the keys themselves are not hashed), kept in an annotation so kubeadm can tell later whether a user edited it.
/// </summary>
public static class ConfigMapSignature
{
    public const string AnnotationKey = "kubeadm.kubernetes.io/component-config.hash";

    /// <summary>"sha256:&lt;hex&gt;" for the ConfigMap's current content.</summary>
    public static string Checksum(V1ConfigMap configMap)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (_, value) in (configMap.Data ?? new Dictionary<string, string>()).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value));
        }

        foreach (var (_, value) in (configMap.BinaryData ?? new Dictionary<string, byte[]>()).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            hash.AppendData(value);
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Adds (or refreshes) the signature annotation.</summary>
    public static void Sign(V1ConfigMap configMap)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        configMap.Metadata ??= new V1ObjectMeta();
        configMap.Metadata.Annotations ??= new Dictionary<string, string>(StringComparer.Ordinal);
        configMap.Metadata.Annotations[AnnotationKey] = Checksum(configMap);
    }
}
