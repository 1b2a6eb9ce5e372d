using Kubeadm.Core.Plan;

namespace Kubeadm.App.Plan;

/// <summary>
/// Collects, while the phases run in plan mode, which phase is running and the conflicts the phases hit. Phases run one
/// after another, so "the current phase" is a single value; the planning file system and cluster read it to attribute
/// each write.
/// </summary>
public sealed class PlanRecorder
{
    private readonly Lock _lock = new();
    private readonly List<PlannedItem> _conflicts = [];
    private readonly HashSet<string> _ran = new(StringComparer.Ordinal);
    private string _current = "";

    public string CurrentPhase
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    public IReadOnlyList<PlannedItem> Conflicts
    {
        get
        {
            lock (_lock)
            {
                return [.. _conflicts];
            }
        }
    }

    /// <summary>True when the phase's work ran (with or without a conflict).</summary>
    public bool Ran(string phase)
    {
        lock (_lock)
        {
            return _ran.Contains(phase);
        }
    }

    public void Enter(string phase)
    {
        lock (_lock)
        {
            _current = phase;
            _ran.Add(phase);
        }
    }

    public void Conflict(PlannedItem conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        lock (_lock)
        {
            _conflicts.Add(conflict with { Action = PlanAction.Conflict });
        }
    }
}
