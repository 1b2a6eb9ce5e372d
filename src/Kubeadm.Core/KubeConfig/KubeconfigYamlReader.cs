using k8s.KubeConfigModels;
using Kubeadm.Core.Configuration.Serialization;
using YamlDotNet.Core;

namespace Kubeadm.Core.KubeConfig;

/// <summary>
/// Reads a kubeconfig (YAML or JSON) into the client's model as client-go's loader does: unknown fields are ignored,
/// an empty file is an empty config, but wrong types, duplicate keys or names and bad base64 data are errors.
/// Parsed with YamlDotNet's parser into our own tree, so no reflection is involved (native AOT safe).
/// </summary>
public static class KubeconfigYamlReader
{
    /// <summary>Parses <paramref name="text"/>; problems throw <see cref="KubeconfigFormatException"/> naming <paramref name="path"/>.</summary>
    public static K8SConfiguration Read(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<YamlTreeNode> documents;
        try
        {
            documents = YamlTreeReader.ReadDocuments(text);
        }
        catch (YamlException e)
        {
            throw new KubeconfigFormatException(path, [$"line {e.Start.Line}, column {e.Start.Column}: {e.Message}"], e);
        }

        var config = new K8SConfiguration { Clusters = [], Contexts = [], Users = [] };
        if (documents.Count == 0 || documents[0] is YamlTreeScalar { IsNull: true })
        {
            return config;
        }

        var diagnostics = new DecodeDiagnostics("kubeconfig") { DocumentNumber = 1 };
        var values = new YamlValueReader(diagnostics);
        if (documents[0] is not YamlTreeMapping root)
        {
            diagnostics.Error(documents[0].Start, "", "expected a mapping, got " + documents[0].Describe());
        }
        else
        {
            ReadRoot(new LenientMapping(root, "", values), config);
        }

        return diagnostics.Errors.Count == 0 ? config : throw new KubeconfigFormatException(path, diagnostics.Errors);
    }

    private static void ReadRoot(LenientMapping root, K8SConfiguration config)
    {
        config.ApiVersion = root.String("apiVersion");
        config.Kind = root.String("kind");
        config.CurrentContext = root.String("current-context");
        config.Clusters = root.NamedList("clusters", "cluster", (m, name) => new Cluster
        {
            Name = name,
            ClusterEndpoint = new ClusterEndpoint
            {
                Server = m.String("server"),
                TlsServerName = m.String("tls-server-name"),
                SkipTlsVerify = m.Bool("insecure-skip-tls-verify"),
                CertificateAuthority = m.String("certificate-authority"),
                CertificateAuthorityData = m.Base64("certificate-authority-data"),
            },
        });
        config.Contexts = root.NamedList("contexts", "context", (m, name) => new Context
        {
            Name = name,
            ContextDetails = new ContextDetails { Cluster = m.String("cluster"), User = m.String("user"), Namespace = m.String("namespace") },
        });
        config.Users = root.NamedList("users", "user", (m, name) => new User
        {
            Name = name,
            UserCredentials = new UserCredentials
            {
                ClientCertificate = m.String("client-certificate"),
                ClientCertificateData = m.Base64("client-certificate-data"),
                ClientKey = m.String("client-key"),
                ClientKeyData = m.Base64("client-key-data"),
                Token = m.String("token"),
                UserName = m.String("username"),
                Password = m.String("password"),
            },
        });
    }
}
