namespace Kubeadm.Core.Errors;

/// <summary>One or more user errors found together (all validation errors are reported at once).</summary>
public sealed class ValidationException : KubeadmUserException
{
    /// <summary>Creates the exception from every error found.</summary>
    public ValidationException(IReadOnlyList<string> errors)
        : base(Format(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception from one error.</summary>
    public ValidationException(string error)
        : this([error])
    {
    }

    /// <summary>Creates an exception with no errors; prefer the other constructors.</summary>
    public ValidationException()
        : this([])
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public ValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Each error on its own, in the order found.</summary>
    public IReadOnlyList<string> Errors { get; } = [];

    private static string Format(IReadOnlyList<string> errors) => errors.Count switch
    {
        0 => "invalid input",
        1 => errors[0],
        _ => "[" + string.Join(", ", errors) + "]",
    };
}
