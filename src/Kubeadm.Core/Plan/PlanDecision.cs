namespace Kubeadm.Core.Plan;

/// <summary>A decision about one file or object: the action and, for an update, a short description of the change.</summary>
/// <param name="Action">What the run would do.</param>
/// <param name="Diff">For <see cref="PlanAction.Update"/>: a few lines saying what changes ("- old", "+ new", "~ field").</param>
public sealed record PlanDecision(PlanAction Action, IReadOnlyList<string> Diff)
{
    public static PlanDecision Create { get; } = new(PlanAction.Create, []);

    public static PlanDecision Unchanged { get; } = new(PlanAction.Unchanged, []);

    public static PlanDecision Update(IReadOnlyList<string> diff) => new(PlanAction.Update, diff);
}
