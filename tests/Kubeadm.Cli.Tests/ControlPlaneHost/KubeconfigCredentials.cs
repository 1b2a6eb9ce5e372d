using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>The server, CA and client certificate of a kubeadm kubeconfig (embedded data, first cluster and user).</summary>
internal sealed partial record KubeconfigCredentials(string Server, string CaPem, string ClientCertPem, string ClientKeyPem)
{
    public static KubeconfigCredentials Read(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var cluster = (YamlMappingNode)First(root, "clusters")["cluster"];
        var user = (YamlMappingNode)First(root, "users")["user"];
        return new KubeconfigCredentials(
            Scalar(cluster, "server"),
            Decode(Scalar(cluster, "certificate-authority-data")),
            Decode(Scalar(user, "client-certificate-data")),
            Decode(Scalar(user, "client-key-data")));
    }

    /// <summary>The client certificate with its key, usable by HttpClient/SslStream.</summary>
    public X509Certificate2 ClientCertificate() => X509Certificate2.CreateFromPem(ClientCertPem, ClientKeyPem);

    /// <summary>A copy of the kubeconfig at <paramref name="source"/> with every cluster's server replaced.</summary>
    public static void WriteWithServer(string source, string destination, string server) =>
        File.WriteAllText(destination, ServerLine().Replace(File.ReadAllText(source), "${indent}server: " + server));

    private static YamlMappingNode First(YamlMappingNode root, string key) =>
        (YamlMappingNode)((YamlSequenceNode)root[key]).Children[0];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value ?? "";

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));

    [GeneratedRegex(@"^(?<indent>\s*)server:\s*\S+\s*$", RegexOptions.Multiline)]
    private static partial Regex ServerLine();
}
