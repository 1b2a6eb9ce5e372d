namespace Kubeadm.Core.Configuration.Validation;

/// <summary>Small single-field rules several areas share: absolute paths, certificate SANs and image repositories.</summary>
internal static class CommonRules
{
    public static void AbsolutePath(string path, string fieldPath, ValidationIssues issues)
    {
        // kubeadm runs on Linux only here, where filepath.IsAbs means "starts with /".
        if (!path.StartsWith('/'))
        {
            issues.Add(ValidationError.Invalid(fieldPath, path, "path is not absolute"));
        }
    }

    /// <summary>Each SAN must be an IP, a DNS-1123 subdomain or a wildcard subdomain such as <c>*.example.com</c>.</summary>
    public static void CertSans(IReadOnlyList<string> sans, string fieldPath, ValidationIssues issues)
    {
        for (var i = 0; i < sans.Count; i++)
        {
            var san = sans[i];
            var dnsErrors = DnsNames.SubdomainErrors(san);
            if (dnsErrors.Count == 0)
            {
                continue;
            }

            var wildcardErrors = DnsNames.WildcardSubdomainErrors(san);
            if (wildcardErrors.Count == 0 || IpAddresses.IsValid(san))
            {
                continue;
            }

            issues.Add(ValidationError.Invalid(
                FieldPath.Index(fieldPath, i),
                san,
                "altname is not a valid IP address, DNS label or a DNS label with subdomain wildcards: "
                + string.Join("; ", dnsErrors) + "; " + string.Join("; ", wildcardErrors)));
        }
    }

    public static void ImageRepository(string repository, string fieldPath, ValidationIssues issues)
    {
        if (!ImageReferences.IsValidRepository(repository))
        {
            issues.Add(ValidationError.Invalid(fieldPath, repository, "invalid image repository format"));
        }
    }

    /// <summary>Not checked by kubeadm (a bad tag only fails at image pull); checked here so it fails before anything is written.</summary>
    public static void ImageTag(string tag, string fieldPath, ValidationIssues issues)
    {
        if (tag.Length > 0 && !ImageReferences.IsValidTag(tag))
        {
            issues.Add(ValidationError.Invalid(fieldPath, tag, "invalid image tag format"));
        }
    }

    public static void ExtraArgs(ControlPlaneComponent component, string fieldPath, ValidationIssues issues) =>
        ExtraArgsValidator.Validate(component.ExtraArgs, FieldPath.Child(fieldPath, "extraArgs"), issues);
}
