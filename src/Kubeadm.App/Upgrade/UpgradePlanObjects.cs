using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Upgrade;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// The structured forms of the upgrade plan: output.kubeadm.k8s.io/v1alpha3 UpgradePlan as JSON (Go's field order,
/// 4-space indent, like kubectl's JSON printer) or YAML (keys sorted, like sigs.k8s.io/yaml). Written field by
/// field, no reflection.
/// </summary>
public static class UpgradePlanObjects
{
    public static string Json(UpgradePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var options = new JsonWriterOptions { Indented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            Document(plan, sorted: false).WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    public static string Yaml(UpgradePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return JsonYamlWriter.Write(Document(plan, sorted: true));
    }

    private static JsonObject Document(UpgradePlan plan, bool sorted)
    {
        var fields = new List<KeyValuePair<string, JsonNode?>>
        {
            new("kind", UpgradePlan.Kind),
            new("apiVersion", UpgradePlan.ApiVersion),
        };
        if (plan.AvailableUpgrades.Count > 0)
        {
            fields.Add(new("availableUpgrades", new JsonArray([.. plan.AvailableUpgrades.Select(u => Upgrade(u, sorted))])));
        }

        fields.Add(new("configVersions", new JsonArray([.. plan.ConfigVersions.Select(s => ConfigVersion(s, sorted))])));
        return Object(fields, sorted);
    }

    private static JsonObject Upgrade(AvailableUpgradePlan upgrade, bool sorted) => Object(
        [
            new("description", upgrade.Description),
            new("components", new JsonArray([.. upgrade.Components.Select(c => Component(c, sorted))])),
        ],
        sorted);

    private static JsonObject Component(ComponentUpgradePlan component, bool sorted)
    {
        var fields = new List<KeyValuePair<string, JsonNode?>>
        {
            new("name", component.Name),
            new("currentVersion", component.CurrentVersion),
            new("newVersion", component.NewVersion),
        };
        if (component.NodeName.Length > 0)
        {
            fields.Add(new("nodeName", component.NodeName));
        }

        return Object(fields, sorted);
    }

    private static JsonObject ConfigVersion(ComponentConfigVersionState state, bool sorted) => Object(
        [
            new("group", state.Group),
            new("currentVersion", state.CurrentVersion),
            new("preferredVersion", state.PreferredVersion),
            new("manualUpgradeRequired", state.ManualUpgradeRequired),
        ],
        sorted);

    private static JsonObject Object(IEnumerable<KeyValuePair<string, JsonNode?>> fields, bool sorted) =>
        new(sorted ? fields.OrderBy(f => f.Key, StringComparer.Ordinal) : fields);
}
