using System.Text.Json;
using System.Text.Json.Nodes;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Upgrade.Apply;
using Kubeadm.Workflow;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// `upgrade apply|node -o json|yaml` (our addition): the node, the versions, each component's from/to version, status,
/// backup path and wait time, the backup directories, the rollback command and each phase's outcome.
/// </summary>
public static class UpgradeResultJson
{
    public static string Render(UpgradeContext context, WorkflowResult result, string? error, string format)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        var components = new JsonArray();
        foreach (var component in context.State?.Components ?? [])
        {
            components.Add((JsonNode)UpgradeRunStateJson.ComponentNode(component));
        }

        var json = new JsonObject
        {
            ["command"] = context.IsApply ? "upgrade apply" : "upgrade node",
            ["nodeName"] = context.NodeName,
            ["role"] = context.IsControlPlaneNode ? "control-plane" : "worker",
            ["fromVersion"] = context.ClusterVersion,
            ["toVersion"] = context.TargetVersion,
            ["dryRun"] = context.DryRun,
            ["succeeded"] = error is null,
        };
        if (error is not null)
        {
            json["error"] = error;
        }

        if (context.State is { } state)
        {
            json["manifestsBackupDir"] = state.Backups.ManifestsBackupDir;
            json["etcdBackupDir"] = state.EtcdDataBackedUp ? state.Backups.EtcdBackupDir : null;
            json["rollbackCommand"] = state.Components.Any(c => c.Files.Count > 0) ? $"sh {state.Backups.RollbackScriptPath}" : null;
            json["stateFile"] = UpgradeBackupLayout.StatePath;
        }

        json["components"] = components;
        json["phases"] = new JsonArray([.. result.Phases.Select(p => (JsonNode?)new JsonObject
        {
            ["name"] = p.Path,
            ["outcome"] = p.Outcome.ToString(),
            ["durationSeconds"] = Math.Round(p.Duration.TotalSeconds, 3),
        })]);
        return format == "yaml" ? JsonYamlWriter.Write(json) : json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
