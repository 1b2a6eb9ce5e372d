using System.Text.RegularExpressions;
using Kubeadm.Core.Configuration.Validation;

namespace Kubeadm.Core.Preflight;

/// <summary>apimachinery's IsQualifiedName ("[prefix/]name", name at most 63 characters), with its messages.</summary>
public static partial class QualifiedName
{
    private const int MaxNameLength = 63;
    private const string NameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string NameRule =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
        + "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '" + NameFormat + "')";

    /// <summary>Every reason <paramref name="value"/> is not a qualified name; empty when it is one.</summary>
    public static IReadOnlyList<string> Errors(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<string>();
        var parts = value.Split('/');
        if (parts.Length > 2)
        {
            return ["a qualified name " + NameRule + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
        }

        if (parts.Length == 2)
        {
            var prefix = parts[0];
            if (prefix.Length == 0)
            {
                errors.Add("prefix part must be non-empty");
            }
            else
            {
                errors.AddRange(DnsNames.SubdomainErrors(prefix).Select(message => "prefix part " + message));
            }
        }

        var name = parts[^1];
        if (name.Length == 0)
        {
            errors.Add("name part must be non-empty");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add($"name part must be no more than {MaxNameLength} characters");
        }

        if (!NameRegex().IsMatch(name))
        {
            errors.Add("name part " + NameRule);
        }

        return errors;
    }

    [GeneratedRegex("^" + NameFormat + "$", RegexOptions.CultureInvariant)]
    private static partial Regex NameRegex();
}
