using System.Globalization;
using System.Text;
using Kubeadm.Core.Plan;

namespace Kubeadm.App.Plan;

/// <summary>`--plan` in text: files, objects, conflicts (why and the fix), phases, and the verdict.</summary>
public static class NodePlanText
{
    public static string Render(NodePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"[plan] What \"kubeadm {plan.Command}\" would do on this node (nothing was changed):\n");
        text.Append(CultureInfo.InvariantCulture, $"[plan] cluster: {plan.Cluster}\n");
        Section(text, "Files", plan.Items.Where(i => i.Kind is "file" or "directory" && i.Action != PlanAction.Conflict));
        Section(text, "API objects", plan.Items.Where(i => i.Kind == "object" && i.Action != PlanAction.Conflict));
        Section(text, "etcd", plan.Items.Where(i => i.Kind == "etcd" && i.Action != PlanAction.Conflict));
        Section(text, "Conflicts (the run would stop at the first)", plan.Conflicts);
        text.Append("\nPhases:\n");
        var width = plan.Phases.Select(p => p.Name.Length).DefaultIfEmpty(0).Max() + 2;
        foreach (var phase in plan.Phases)
        {
            var state = phase.State switch
            {
                PhasePlanState.NothingToDo => "nothing to do",
                PhasePlanState.Changes => "changes",
                PhasePlanState.Acts => "no file or object changes",
                PhasePlanState.Conflict => "CONFLICT",
                _ => "skipped",
            };
            text.Append("  ").Append(phase.Name.PadRight(width)).Append(state);
            if (phase.Note is { Length: > 0 } note)
            {
                text.Append(" (").Append(note).Append(')');
            }

            text.Append('\n');
        }

        text.Append('\n').Append(Summary(plan)).Append('\n');
        return text.ToString();
    }

    /// <summary>"[plan] 3 to create, 1 to update, 20 unchanged; 1 conflict: the run would stop (exit 2)".</summary>
    public static string Summary(NodePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        int Count(PlanAction action) => plan.Items.Count(i => i.Action == action);
        var counts = $"{Count(PlanAction.Create)} to create, {Count(PlanAction.Update)} to update, {Count(PlanAction.Delete)} to delete, {Count(PlanAction.Unchanged)} unchanged";
        return plan.CanProceed
            ? $"[plan] {counts}; no conflicts: the run can proceed"
            : $"[plan] {counts}; {Count(PlanAction.Conflict)} conflict(s): the run would stop (exit 2)";
    }

    private static void Section(StringBuilder text, string title, IEnumerable<PlannedItem> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.Append('\n').Append(title).Append(":\n");
        var width = list.Select(i => i.Name.Length).Max() + 2;
        foreach (var item in list)
        {
            text.Append("  ").Append(Word(item.Action).PadRight(10)).Append(item.Name.PadRight(width)).Append('[').Append(item.Phase).Append("]\n");
            foreach (var line in item.Diff)
            {
                text.Append("      ").Append(line).Append('\n');
            }

            if (item.Reason is { Length: > 0 } reason)
            {
                text.Append(item.Action == PlanAction.Conflict ? "      why: " : "      note: ").Append(reason).Append('\n');
            }

            if (item.Fix is { Length: > 0 } fix)
            {
                text.Append("      fix: ").Append(fix).Append('\n');
            }
        }
    }

    private static string Word(PlanAction action) => action switch
    {
        PlanAction.Create => "create",
        PlanAction.Unchanged => "unchanged",
        PlanAction.Update => "update",
        PlanAction.Delete => "delete",
        _ => "conflict",
    };
}
