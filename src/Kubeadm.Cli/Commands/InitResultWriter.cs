using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubeadm.App.Init;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Workflow;

namespace Kubeadm.Cli.Commands;

/// <summary>Renders an <see cref="InitResult"/> as JSON or YAML (no reflection: the tree is built by hand).</summary>
public static class InitResultWriter
{
    public static string Render(InitResult result, string format)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tree = ToJson(result);
        return format == "yaml"
            ? JsonYamlWriter.Write(tree)
            : tree.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>One line with each phase's time, for the end of a text-mode run.</summary>
    public static string TimingSummary(IEnumerable<PhaseRecord> phases)
    {
        var ran = phases.Where(p => p.Outcome == PhaseOutcome.Ran && !p.Path.Contains('/', StringComparison.Ordinal)).ToList();
        var total = ran.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Duration);
        return "[init] Phase timings: "
            + string.Join(", ", ran.Select(p => $"{p.Path} {Seconds(p.Duration)}"))
            + $" (total {Seconds(total)})";
    }

    private static JsonObject ToJson(InitResult result)
    {
        var json = new JsonObject
        {
            ["kubernetesVersion"] = result.KubernetesVersion,
            ["dryRun"] = result.DryRun,
            ["succeeded"] = result.Succeeded,
        };
        Add(json, "error", result.Error);
        Add(json, "apiServerEndpoint", result.ApiServerEndpoint);
        json["caCertHashes"] = new JsonArray([.. result.CaCertHashes.Select(h => (JsonNode?)JsonValue.Create(h))]);
        Add(json, "token", result.Token);
        Add(json, "certificateKey", result.CertificateKey);
        json["filesWritten"] = new JsonArray([.. result.FilesWritten.Select(f => (JsonNode?)JsonValue.Create(f))]);
        json["objectsChanged"] = new JsonArray([.. result.ObjectsChanged.Select(o => (JsonNode?)new JsonObject
        {
            ["verb"] = o.Verb,
            ["resource"] = o.Resource,
            ["namespace"] = o.Namespace,
            ["name"] = o.Name,
        })]);
        json["phases"] = new JsonArray([.. result.Phases.Select(p => (JsonNode?)new JsonObject
        {
            ["name"] = p.Path,
            ["outcome"] = p.Outcome.ToString(),
            ["durationSeconds"] = Math.Round(p.Duration.TotalSeconds, 3),
        })]);
        return json;
    }

    private static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + "s";
}
