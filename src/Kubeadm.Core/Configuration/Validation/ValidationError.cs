namespace Kubeadm.Core.Configuration.Validation;

/// <summary>
/// One problem with one config field, printed the way kubeadm's field.ErrorList prints it, e.g.
/// <c>networking.serviceSubnet: Invalid value: "10.96.0.0/30": subnet with 4 address(es) is too small, the minimum is 10</c>.
/// Secret values (bootstrap token secrets, the certificate key) are redacted before they get here.
/// </summary>
/// <param name="FieldPath">The field in the config, e.g. <c>bootstrapTokens[0].token</c>.</param>
/// <param name="Value">The offending value as text; may be empty.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ValidationError(string FieldPath, string Value, string Message)
{
    public ValidationErrorType Type { get; init; } = ValidationErrorType.Invalid;

    /// <summary>
    /// True when <see cref="Value"/> is a number, duration, list or map that Go prints without quotes
    /// (e.g. <c>Invalid value: 0: port number is not valid</c>).
    /// </summary>
    public bool ValueIsLiteral { get; init; }

    public static ValidationError Invalid(string fieldPath, string value, string message) => new(fieldPath, value, message);

    public static ValidationError InvalidLiteral(string fieldPath, string literal, string message) =>
        new(fieldPath, literal, message) { ValueIsLiteral = true };

    public static ValidationError Required(string fieldPath, string message) =>
        new(fieldPath, "", message) { Type = ValidationErrorType.Required };

    public static ValidationError Unsupported(string fieldPath, string value, IEnumerable<string> supported) =>
        new(fieldPath, value, "supported values: " + string.Join(", ", supported.Select(GoFormat.Quote)))
        {
            Type = ValidationErrorType.Unsupported,
        };

    public static ValidationError General(string fieldPath, string value, string message) =>
        new(fieldPath, value, message) { Type = ValidationErrorType.General };

    public override string ToString() => Type switch
    {
        ValidationErrorType.Required => Message.Length == 0
            ? $"{FieldPath}: Required value"
            : $"{FieldPath}: Required value: {Message}",
        ValidationErrorType.Unsupported => $"{FieldPath}: Unsupported value: {FormattedValue}: {Message}",
        ValidationErrorType.General => Message,
        _ => Message.Length == 0
            ? $"{FieldPath}: Invalid value: {FormattedValue}"
            : $"{FieldPath}: Invalid value: {FormattedValue}: {Message}",
    };

    private string FormattedValue => ValueIsLiteral ? Value : GoFormat.Quote(Value);
}
