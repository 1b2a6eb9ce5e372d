namespace Kubeadm.Core.Configuration.Validation;

/// <summary>Everything validation found: errors stop `kubeadm init`, warnings are only printed.</summary>
public sealed record ValidationResult(IReadOnlyList<ValidationError> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
