using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Plan;

namespace Kubeadm.App.Plan;

/// <summary>`--plan -o json|yaml`: the plan as JSON (source-generated, no reflection) or the same tree as YAML.</summary>
public static class NodePlanJson
{
    public static string Render(NodePlan plan, string format)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var json = JsonSerializer.Serialize(plan, PlanJsonContext.Default.NodePlan);
        return format == "yaml" ? JsonYamlWriter.Write(JsonNode.Parse(json)) : json + "\n";
    }

    /// <summary>Reads a plan back (tests and automation written in .NET).</summary>
    public static NodePlan? Parse(string json) => JsonSerializer.Deserialize(json, PlanJsonContext.Default.NodePlan);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(NodePlan))]
[JsonSerializable(typeof(PlanAction))]
[JsonSerializable(typeof(PhasePlanState))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
