using System.Text;
using System.Text.Json.Nodes;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>Writes the internal model as kubeadm.k8s.io/v1beta4 YAML, shaped like kubeadm's own output.</summary>
public static class KubeadmConfigEncoder
{
    private const string DocumentSeparator = "---\n";

    /// <summary>InitConfiguration, then ClusterConfiguration, then the component configs, separated by "---".</summary>
    public static string Encode(KubeadmConfig config, bool includeInit = true, bool includeCluster = true)
    {
        ArgumentNullException.ThrowIfNull(config);
        var documents = new List<string>();
        if (includeInit)
        {
            documents.Add(JsonYamlWriter.Write(InitConfigurationJsonBuilder.Build(config.Init)));
        }

        if (includeCluster)
        {
            documents.Add(EncodeClusterConfiguration(config.Cluster));
        }

        documents.AddRange(config.ComponentConfigs.Select(EncodeComponentConfig));
        return JoinDocuments(documents);
    }

    /// <summary>The ClusterConfiguration document alone (the kubeadm-config ConfigMap's ClusterConfiguration key).</summary>
    public static string EncodeClusterConfiguration(ClusterConfiguration cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return JsonYamlWriter.Write(ClusterConfigurationJsonBuilder.Build(cluster));
    }

    /// <summary>A component config document, with its apiVersion and kind filled in when the tree lacks them.</summary>
    public static string EncodeComponentConfig(ComponentConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var content = (JsonObject)document.Content.DeepClone();
        content["apiVersion"] ??= document.ApiVersion;
        content["kind"] ??= document.Kind;
        return JsonYamlWriter.Write(content);
    }

    /// <summary>Joins YAML documents the way kubeadm does ("---" on its own line between them).</summary>
    public static string JoinDocuments(IEnumerable<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var builder = new StringBuilder();
        foreach (var document in documents)
        {
            if (builder.Length > 0)
            {
                builder.Append(DocumentSeparator);
            }

            builder.Append(document.EndsWith('\n') ? document : document + "\n");
        }

        return builder.ToString();
    }
}
