using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubeadm.Core.Upgrade.Apply;

/// <summary>The state file's JSON (hand-built nodes: no reflection, so the native build stays trim-safe).</summary>
public static class UpgradeRunStateJson
{
    public static string Write(UpgradeRunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var components = new JsonArray();
        foreach (var component in state.Components)
        {
            components.Add((JsonNode)ComponentNode(component));
        }

        var root = new JsonObject
        {
            ["targetVersion"] = state.TargetVersion,
            ["manifestsBackupDir"] = state.Backups.ManifestsBackupDir,
            ["etcdBackupDir"] = state.Backups.EtcdBackupDir,
            ["etcdDataBackedUp"] = state.EtcdDataBackedUp,
            ["completed"] = state.Completed,
            ["components"] = components,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>One component as `-o json` and the state file show it.</summary>
    public static JsonObject ComponentNode(ComponentUpgradeRecord component)
    {
        ArgumentNullException.ThrowIfNull(component);
        var files = new JsonArray();
        foreach (var file in component.Files)
        {
            files.Add((JsonNode)new JsonObject { ["original"] = file.Original, ["backup"] = file.Backup });
        }

        return new JsonObject
        {
            ["name"] = component.Name,
            ["fromVersion"] = component.FromVersion,
            ["toVersion"] = component.ToVersion,
            ["status"] = StatusName(component.Status),
            ["backupPath"] = component.BackupPath,
            ["waitSeconds"] = Math.Round(component.Wait.TotalSeconds, 3),
            ["backedUpFiles"] = files,
        };
    }

    /// <summary>The state, or null when the text is not a state file this version wrote (the run then starts afresh).</summary>
    public static UpgradeRunState? TryRead(string text)
    {
        try
        {
            if (JsonNode.Parse(text) is not JsonObject root)
            {
                return null;
            }

            var state = new UpgradeRunState
            {
                TargetVersion = Text(root, "targetVersion"),
                Backups = new UpgradeBackupLayout(Text(root, "manifestsBackupDir"), Text(root, "etcdBackupDir")),
                Completed = root["completed"]?.GetValue<bool>() ?? false,
                EtcdDataBackedUp = root["etcdDataBackedUp"]?.GetValue<bool>() ?? false,
            };
            foreach (var node in root["components"]?.AsArray() ?? [])
            {
                if (node is not JsonObject item)
                {
                    continue;
                }

                var component = state.Component(Text(item, "name"));
                component.FromVersion = Text(item, "fromVersion");
                component.ToVersion = Text(item, "toVersion");
                component.Status = ParseStatus(Text(item, "status"));
                component.BackupPath = Text(item, "backupPath");
                component.Wait = TimeSpan.FromSeconds(item["waitSeconds"]?.GetValue<double>() ?? 0);
                foreach (var file in item["backedUpFiles"]?.AsArray() ?? [])
                {
                    if (file is JsonObject f)
                    {
                        component.AddFile(new BackedUpFile(Text(f, "original"), Text(f, "backup")));
                    }
                }
            }

            return state.TargetVersion.Length > 0 && state.Backups.ManifestsBackupDir.Length > 0 ? state : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    public static string StatusName(ComponentUpgradeStatus status) => status switch
    {
        ComponentUpgradeStatus.Pending => "pending",
        ComponentUpgradeStatus.Written => "written",
        ComponentUpgradeStatus.Upgraded => "upgraded",
        ComponentUpgradeStatus.Unchanged => "unchanged",
        ComponentUpgradeStatus.Skipped => "skipped",
        ComponentUpgradeStatus.RolledBack => "rolled-back",
        _ => status.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static ComponentUpgradeStatus ParseStatus(string name) =>
        Enum.GetValues<ComponentUpgradeStatus>().FirstOrDefault(s => StatusName(s) == name, ComponentUpgradeStatus.Pending);

    private static string Text(JsonObject node, string key) => node[key]?.GetValue<string>() ?? "";
}
