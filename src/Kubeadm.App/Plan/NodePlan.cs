using System.Text.Json.Serialization;
using Kubeadm.Core.Plan;

namespace Kubeadm.App.Plan;

/// <summary>
/// What `kubeadm init --plan` / `kubeadm join --plan` found: for every file and API object the next real run would
/// touch, what it would do; for every phase, whether it has anything to do; whether the run can proceed.
/// </summary>
public sealed record NodePlan
{
    /// <summary>"init" or "join".</summary>
    public required string Command { get; init; }

    /// <summary>True when no conflict would stop the run (exit 0); false means exit 2.</summary>
    public required bool CanProceed { get; init; }

    /// <summary>Whether the plan read the objects from a running API server (else it assumed a new, empty cluster).</summary>
    public required bool ClusterReachable { get; init; }

    /// <summary>How the cluster was read, or why it could not be.</summary>
    public required string Cluster { get; init; }

    public required IReadOnlyList<PlannedPhase> Phases { get; init; }

    public required IReadOnlyList<PlannedItem> Items { get; init; }

    [JsonIgnore]
    public IReadOnlyList<PlannedItem> Conflicts => [.. Items.Where(i => i.Action == PlanAction.Conflict)];
}

/// <summary>One file, directory or API object and what the run would do to it.</summary>
public sealed record PlannedItem
{
    /// <summary>The phase that touches it, e.g. "certs/apiserver".</summary>
    public required string Phase { get; init; }

    /// <summary>"file", "directory", "object", "etcd" (a member of the stacked etcd cluster) or "phase" (a conflict that names no single file).</summary>
    public required string Kind { get; init; }

    /// <summary>The host path, "resource namespace/name" for an object, or "member name peer-URL" for etcd.</summary>
    public required string Name { get; init; }

    public required PlanAction Action { get; init; }

    /// <summary>For an update: what changes.</summary>
    public IReadOnlyList<string> Diff { get; init; } = [];

    /// <summary>For a conflict: why the run would stop; otherwise an optional note.</summary>
    public string? Reason { get; init; }

    /// <summary>For a conflict: what to do about it.</summary>
    public string? Fix { get; init; }
}

/// <summary>One phase of the run and whether it has anything to do.</summary>
/// <param name="Name">The phase path, e.g. "control-plane/apiserver".</param>
/// <param name="State">What the phase would do.</param>
/// <param name="Note">What it does besides files and objects (waits, restarts), or why it is skipped.</param>
public sealed record PlannedPhase(string Name, PhasePlanState State, string? Note);

/// <summary>What one phase would do.</summary>
public enum PhasePlanState
{
    /// <summary>Everything it would write is already there, as it would write it.</summary>
    [JsonStringEnumMemberName("nothingToDo")]
    NothingToDo,

    /// <summary>It would create, update or delete files or objects.</summary>
    [JsonStringEnumMemberName("changes")]
    Changes,

    /// <summary>It changes no file or object but still acts (checks, waits, restarts the kubelet, prints).</summary>
    [JsonStringEnumMemberName("acts")]
    Acts,

    /// <summary>It would stop the run.</summary>
    [JsonStringEnumMemberName("conflict")]
    Conflict,

    /// <summary>It would not run (--skip-phases, or its condition is false).</summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped,
}
