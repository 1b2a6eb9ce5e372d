namespace Kubeadm.Core.Configuration.Validation;

/// <summary>Collects errors and warnings while every rule runs, so nothing stops at the first problem.</summary>
internal sealed class ValidationIssues
{
    private readonly List<ValidationError> _errors = [];
    private readonly List<string> _warnings = [];

    public IReadOnlyList<ValidationError> Errors => _errors;

    public IReadOnlyList<string> Warnings => _warnings;

    public void Add(ValidationError error) => _errors.Add(error);

    public void Warn(string warning) => _warnings.Add(warning);

    public ValidationResult ToResult() => new(_errors.ToArray(), _warnings.ToArray());
}
