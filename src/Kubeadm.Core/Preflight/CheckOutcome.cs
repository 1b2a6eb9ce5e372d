namespace Kubeadm.Core.Preflight;

/// <summary>What one preflight check found: warnings (never fatal) and errors (fatal unless the check is ignored).</summary>
public sealed record CheckOutcome(IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors)
{
    public static CheckOutcome Passed { get; } = new([], []);

    public static CheckOutcome Error(string message) => new([], [message]);

    public static CheckOutcome Warning(string message) => new([message], []);

    /// <summary>Both lists of both outcomes, in order.</summary>
    public CheckOutcome Plus(CheckOutcome other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new([.. Warnings, .. other.Warnings], [.. Errors, .. other.Errors]);
    }
}
