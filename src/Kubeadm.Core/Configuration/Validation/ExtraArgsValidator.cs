namespace Kubeadm.Core.Configuration.Validation;

/// <summary>Every extra argument needs a name (kubeadm's ValidateExtraArgs).</summary>
internal static class ExtraArgsValidator
{
    public static void Validate(IReadOnlyList<Arg> args, string path, ValidationIssues issues)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (string.IsNullOrEmpty(args[i].Name))
            {
                issues.Add(ValidationError.Required(FieldPath.Child(FieldPath.Index(path, i), "name"), "argument has no name"));
            }
        }
    }
}
