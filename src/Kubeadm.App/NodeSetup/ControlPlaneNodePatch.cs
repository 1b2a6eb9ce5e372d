using System.Globalization;
using System.Text.Json.Nodes;
using k8s.Models;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;

namespace Kubeadm.App.NodeSetup;

/// <summary>
/// What mark-control-plane changes on the Node, as the strategic-merge patch kubeadm computes (old vs. marked node):
/// the two control-plane labels with value "", and the taints set to the configured ones followed by the node's
/// existing taints that are not among them. Only what differs is in the patch (an unchanged node gives "{}").
/// Node taints carry no merge key, so the taint list in a patch replaces the node's list as a whole.
/// </summary>
public static class ControlPlaneNodePatch
{
    public static readonly IReadOnlyList<string> Labels =
        [KubeadmConstants.ControlPlaneLabel, KubeadmConstants.ExcludeFromExternalLoadBalancersLabel];

    public static string Create(V1Node node, IReadOnlyList<Taint> configuredTaints)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(configuredTaints);
        var patch = new JsonObject();
        var existingLabels = node.Metadata?.Labels ?? new Dictionary<string, string>();
        var labels = new JsonObject();
        foreach (var label in Labels.Where(l => !existingLabels.TryGetValue(l, out var value) || value.Length > 0))
        {
            labels[label] = "";
        }

        if (labels.Count > 0)
        {
            patch["metadata"] = new JsonObject { ["labels"] = labels };
        }

        var existing = (node.Spec?.Taints ?? []).Select(FromNode).ToList();
        var wanted = configuredTaints.Concat(existing.Where(t => !configuredTaints.Contains(t))).ToList();
        if (!wanted.SequenceEqual(existing))
        {
            patch["spec"] = new JsonObject { ["taints"] = new JsonArray([.. wanted.Select(ToJson)]) };
        }

        return patch.ToJsonString();
    }

    /// <summary>kubeadm's console form of a taint: key=value:effect, key:effect without a value.</summary>
    public static string Describe(Taint taint)
    {
        ArgumentNullException.ThrowIfNull(taint);
        if (taint.Effect.Length == 0)
        {
            return taint.Value.Length == 0 ? taint.Key : $"{taint.Key}={taint.Value}:";
        }

        return taint.Value.Length == 0 ? $"{taint.Key}:{taint.Effect}" : $"{taint.Key}={taint.Value}:{taint.Effect}";
    }

    private static Taint FromNode(V1Taint taint) =>
        new(taint.Key ?? "", taint.Value ?? "", taint.Effect ?? "", taint.TimeAdded is { } added ? new DateTimeOffset(added.ToUniversalTime(), TimeSpan.Zero) : null);

    private static JsonObject ToJson(Taint taint)
    {
        var json = new JsonObject { ["key"] = taint.Key, ["effect"] = taint.Effect };
        if (taint.Value.Length > 0)
        {
            json["value"] = taint.Value;
        }

        if (taint.TimeAdded is { } added)
        {
            json["timeAdded"] = added.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        return new JsonObject([.. json.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))]);
    }
}
