using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kubeadm.Core.Security;

/// <summary>
/// The API server's EncryptionConfiguration for encryption at rest: Secrets are written with secretbox
/// (XSalsa20-Poly1305, a 32-byte key; the Kubernetes docs rank it above aescbc), and still read when stored in clear
/// (the identity provider second), so Secrets written before the profile stay readable.
/// </summary>
public static class EncryptionConfigurationFile
{
    public const int KeyLength = 32;
    public const string KeyName = "key1";
    public const string Provider = "secretbox";

    /// <summary>What etcd values start with once the API server encrypted them with this file.</summary>
    public const string StoredPrefix = "k8s:enc:" + Provider + ":v1:" + KeyName + ":";

    private static readonly string[] StrongProviders = ["secretbox", "aescbc", "aesgcm", "kms"];

    /// <summary>The file's YAML for a new key.</summary>
    public static string Create(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"an encryption key is {KeyLength} bytes, not {key.Length}", nameof(key));
        }

        return $$"""
            apiVersion: apiserver.config.k8s.io/v1
            kind: EncryptionConfiguration
            resources:
            - resources:
              - secrets
              providers:
              - {{Provider}}:
                  keys:
                  - name: {{KeyName}}
                    secret: {{Convert.ToBase64String(key)}}
              - identity: {}

            """;
    }

    /// <summary>
    /// Why an existing file cannot be kept (null when it can): it must be an EncryptionConfiguration whose first
    /// provider for Secrets is a strong one (secretbox, aescbc, aesgcm or kms; CIS 1.2.28), with 32-byte keys for
    /// secretbox and aescbc. An existing file is never replaced: its key decrypts what is already stored.
    /// </summary>
    public static string? Problem(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(content));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                return "it is not one YAML mapping";
            }

            root = mapping;
        }
        catch (YamlException e)
        {
            return $"it is not valid YAML: {e.Message}";
        }

        if (Scalar(root, "kind") != "EncryptionConfiguration")
        {
            return "its kind is not EncryptionConfiguration";
        }

        var secrets = Sequence(root, "resources")?.OfType<YamlMappingNode>()
            .FirstOrDefault(entry => Sequence(entry, "resources")?.OfType<YamlScalarNode>().Any(r => r.Value is "secrets" or "*.*" or "*." ) == true);
        if (secrets is null)
        {
            return "it does not cover secrets";
        }

        if (Sequence(secrets, "providers")?.FirstOrDefault() is not YamlMappingNode { Children.Count: 1 } first)
        {
            return "its secrets entry has no provider";
        }

        var (name, settings) = first.Children.First();
        var providerName = ((YamlScalarNode)name).Value ?? "";
        if (!StrongProviders.Contains(providerName, StringComparer.Ordinal))
        {
            return $"its first provider for secrets is \"{providerName}\", not one of {string.Join(", ", StrongProviders)}";
        }

        if (providerName is "secretbox" or "aescbc")
        {
            var keys = settings is YamlMappingNode keyed ? Sequence(keyed, "keys")?.OfType<YamlMappingNode>().ToList() : null;
            if (keys is not { Count: > 0 })
            {
                return $"its {providerName} provider has no keys";
            }

            foreach (var key in keys)
            {
                if (!TryDecode(Scalar(key, "secret"), out var bytes) || bytes.Length != KeyLength)
                {
                    return $"the {providerName} key \"{Scalar(key, "name")}\" is not {KeyLength} bytes of base64";
                }
            }
        }

        return null;
    }

    private static bool TryDecode(string? text, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        try
        {
            bytes = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static YamlSequenceNode? Sequence(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node as YamlSequenceNode : null;
}
