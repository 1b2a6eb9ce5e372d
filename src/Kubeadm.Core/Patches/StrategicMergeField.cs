namespace Kubeadm.Core.Patches;

/// <summary>One field of a <see cref="StrategicMergeSchema"/>.</summary>
/// <param name="Type">The schema of the field's object (or of each list item); null when it has no special fields.</param>
/// <param name="MergesList">True when the field is a list merged instead of replaced.</param>
/// <param name="MergeKey">The member that identifies a list item; null for a list of scalars.</param>
internal sealed record StrategicMergeField(StrategicMergeSchema? Type, bool MergesList, string? MergeKey);
