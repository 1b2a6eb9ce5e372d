using System.Text.Json.Serialization;

namespace Kubeadm.Core.Plan;

/// <summary>What the next real run would do to one file or API object.</summary>
public enum PlanAction
{
    /// <summary>It does not exist yet; the run creates it.</summary>
    [JsonStringEnumMemberName("create")]
    Create,

    /// <summary>It exists and the run would leave it as it is (reused, or rewritten with the same content).</summary>
    [JsonStringEnumMemberName("unchanged")]
    Unchanged,

    /// <summary>It exists and the run would change it (the diff says how).</summary>
    [JsonStringEnumMemberName("update")]
    Update,

    /// <summary>It exists and the run would delete it.</summary>
    [JsonStringEnumMemberName("delete")]
    Delete,

    /// <summary>The run would stop here: what exists cannot be reused and will not be replaced (the reason says why).</summary>
    [JsonStringEnumMemberName("conflict")]
    Conflict,
}
