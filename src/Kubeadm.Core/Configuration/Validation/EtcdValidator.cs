namespace Kubeadm.Core.Configuration.Validation;

/// <summary>etcd: exactly one of local and external, and the settings of whichever is used.</summary>
internal static class EtcdValidator
{
    public static void Validate(Etcd etcd, string path, ValidationIssues issues)
    {
        if (etcd.Local is null && etcd.External is null)
        {
            issues.Add(ValidationError.Invalid(path, "", "either .Etcd.Local or .Etcd.External is required"));
            return;
        }

        if (etcd.Local is not null && etcd.External is not null)
        {
            issues.Add(ValidationError.Invalid(path, "", ".Etcd.Local and .Etcd.External are mutually exclusive"));
            return;
        }

        if (etcd.Local is { } local)
        {
            ValidateLocal(local, FieldPath.Child(path, "local"), issues);
        }

        if (etcd.External is { } external)
        {
            ValidateExternal(external, FieldPath.Child(path, "external"), issues);
        }
    }

    private static void ValidateLocal(LocalEtcd local, string path, ValidationIssues issues)
    {
        CommonRules.AbsolutePath(local.DataDir, FieldPath.Child(path, "dataDir"), issues);
        CommonRules.CertSans(local.ServerCertSans, FieldPath.Child(path, "serverCertSANs"), issues);
        CommonRules.CertSans(local.PeerCertSans, FieldPath.Child(path, "peerCertSANs"), issues);
        if (local.ImageRepository.Length > 0)
        {
            CommonRules.ImageRepository(local.ImageRepository, FieldPath.Child(path, "imageRepository"), issues);
        }

        CommonRules.ImageTag(local.ImageTag, FieldPath.Child(path, "imageTag"), issues);
        ExtraArgsValidator.Validate(local.ExtraArgs, FieldPath.Child(path, "extraArgs"), issues);
    }

    private static void ValidateExternal(ExternalEtcd external, string path, ValidationIssues issues)
    {
        var hasCa = external.CaFile.Length > 0;
        var hasCert = external.CertFile.Length > 0;
        var hasKey = external.KeyFile.Length > 0;
        if (hasCert != hasKey)
        {
            issues.Add(ValidationError.Invalid(path, "", "either both or none of .Etcd.External.CertFile and .Etcd.External.KeyFile must be set"));
        }

        if (hasCert && hasKey && !hasCa)
        {
            issues.Add(ValidationError.Invalid(path, "", "setting .Etcd.External.CertFile and .Etcd.External.KeyFile requires .Etcd.External.CAFile"));
        }

        ValidateEndpoints(external.Endpoints, requireHttps: hasCa || hasCert || hasKey, FieldPath.Child(path, "endpoints"), issues);
        ValidateFile(external.CaFile, FieldPath.Child(path, "caFile"), issues);
        ValidateFile(external.CertFile, FieldPath.Child(path, "certFile"), issues);
        ValidateFile(external.KeyFile, FieldPath.Child(path, "keyFile"), issues);
    }

    private static void ValidateEndpoints(List<string> endpoints, bool requireHttps, string path, ValidationIssues issues)
    {
        // kubeadm accepts an empty list here and fails later when it dials etcd; reported now instead.
        if (endpoints.Count == 0)
        {
            issues.Add(ValidationError.Required(path, "at least one external etcd endpoint is required"));
            return;
        }

        for (var i = 0; i < endpoints.Count; i++)
        {
            var endpoint = endpoints[i];
            var itemPath = FieldPath.Index(path, i);
            var parseError = GoUrl.TryParse(endpoint, out var scheme);
            if (parseError is not null)
            {
                issues.Add(ValidationError.Invalid(itemPath, endpoint, "URL parse error: " + parseError));
                continue;
            }

            if (requireHttps && scheme != "https")
            {
                issues.Add(ValidationError.Invalid(itemPath, endpoint, "the URL must be using the HTTPS scheme"));
            }

            if (scheme.Length == 0)
            {
                issues.Add(ValidationError.Invalid(itemPath, endpoint, "the URL without scheme is not allowed"));
            }
        }
    }

    private static void ValidateFile(string file, string path, ValidationIssues issues)
    {
        if (file.Length > 0)
        {
            CommonRules.AbsolutePath(file, path, issues);
        }
    }
}
