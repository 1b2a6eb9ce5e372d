using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Pki;

/// <summary>A key type kubeadm can generate, named as in ClusterConfiguration.encryptionAlgorithm.</summary>
public sealed record KeyAlgorithm(string Name, bool IsRsa, int Size)
{
    public static readonly KeyAlgorithm Rsa2048 = new("RSA-2048", true, 2048);
    public static readonly KeyAlgorithm Rsa3072 = new("RSA-3072", true, 3072);
    public static readonly KeyAlgorithm Rsa4096 = new("RSA-4096", true, 4096);
    public static readonly KeyAlgorithm EcdsaP256 = new("ECDSA-P256", false, 256);
    public static readonly KeyAlgorithm EcdsaP384 = new("ECDSA-P384", false, 384);

    public static IReadOnlyList<KeyAlgorithm> All { get; } = [Rsa2048, Rsa3072, Rsa4096, EcdsaP256, EcdsaP384];

    /// <summary>kubeadm treats an empty value as RSA-2048.</summary>
    public static KeyAlgorithm Parse(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return Rsa2048;
        }

        return All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal))
            ?? throw new KubeadmUserException(
                $"unsupported encryptionAlgorithm \"{name}\": must be one of {string.Join(", ", All.Select(a => a.Name))}");
    }

    public override string ToString() => Name;
}
