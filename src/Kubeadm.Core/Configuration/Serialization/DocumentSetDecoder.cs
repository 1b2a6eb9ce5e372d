namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>Decodes the documents of one file in turn, routing each by apiVersion and kind.</summary>
internal sealed class DocumentSetDecoder(DecodeDiagnostics diagnostics, DecodeTarget target = DecodeTarget.Init)
{
    private readonly KubeadmConfig _config = new();
    private readonly HashSet<string> _seenKinds = new(StringComparer.Ordinal);
    private readonly YamlValueReader _values = new(diagnostics);
    private string? _initApiVersion;
    private string? _clusterApiVersion;

    /// <summary>The JoinConfiguration, when decoding for `kubeadm join` and the file has one.</summary>
    public JoinConfiguration? Join { get; private set; }

    /// <summary>The profile a SecurityProfile document chose (None without one).</summary>
    public Security.SecurityProfile SecurityProfile => _config.SecurityProfile;

    /// <summary>The ResetConfiguration, when decoding for `kubeadm reset` and the file has one.</summary>
    public ResetConfiguration? Reset { get; private set; }

    /// <summary>The UpgradeConfiguration, when decoding for `kubeadm upgrade` and the file has one.</summary>
    public UpgradeConfiguration? Upgrade { get; private set; }

    /// <summary>The JoinConfiguration's apiVersion, once decoded.</summary>
    public string? JoinApiVersion { get; private set; }

    public void DecodeDocument(YamlTreeNode document)
    {
        if (document is YamlTreeScalar { IsNull: true })
        {
            return;
        }

        if (document is not YamlTreeMapping mapping)
        {
            _values.Mismatch<object>(document, "", "a mapping (an API object)");
            return;
        }

        // The kind is peeked first so that errors found while indexing the fields (duplicates) already name it.
        diagnostics.Kind = mapping.Entries
            .Where(entry => entry.Key is YamlTreeScalar { Value: "kind" } && entry.Value is YamlTreeScalar { Kind: ScalarKind.String })
            .Select(entry => ((YamlTreeScalar)entry.Value).Value)
            .FirstOrDefault(kind => kind.Length > 0);
        var reader = new StrictMappingReader(mapping, "", _values);
        var apiVersion = reader.String("apiVersion");
        var kind = reader.String("kind");
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
        {
            diagnostics.Kind = null;
            diagnostics.Error(document.Start, "", $"invalid configuration for GroupVersionKind {{apiVersion: \"{apiVersion}\", kind: \"{kind}\"}}: kind and apiVersion is mandatory information that must be specified");
            return;
        }

        if (!_seenKinds.Add(kind))
        {
            diagnostics.Error(document.Start, "", $"invalid configuration: kind \"{kind}\" is specified twice in YAML file");
            return;
        }

        var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.LastIndexOf('/')] : "";
        if (group == KubeadmApiVersions.KubeadmGroup)
        {
            DecodeKubeadmDocument(reader, document, apiVersion, kind);
        }
        else if ((apiVersion, kind) is (KubeadmApiVersions.SecurityProfileApiVersion, KubeadmApiVersions.SecurityProfileKind))
        {
            DecodeSecurityProfile(reader, document);
        }
        else if (target is DecodeTarget.Reset or DecodeTarget.Upgrade)
        {
            // kubeadm reset and upgrade read only their own configuration kind and pass over every other document.
        }
        else if (target == DecodeTarget.Join)
        {
            // kubeadm join reads only its JoinConfiguration; component configs come from the cluster.
            diagnostics.Warning($"{kind} is not used by \"kubeadm join\"; ignoring it");
        }
        else if ((apiVersion, kind) is (KubeadmApiVersions.KubeletConfigurationApiVersion, KubeadmApiVersions.KubeletConfigurationKind)
                 or (KubeadmApiVersions.KubeProxyConfigurationApiVersion, KubeadmApiVersions.KubeProxyConfigurationKind))
        {
            var content = YamlJsonConverter.ToJsonObject(document, "", _values);
            if (content is not null)
            {
                _config.ComponentConfigs.Add(new ComponentConfigDocument(apiVersion, kind, content));
            }
        }
        else
        {
            diagnostics.Warning($"unknown configuration GroupVersionKind {{apiVersion: \"{apiVersion}\", kind: \"{kind}\"}}; ignoring it");
        }
    }

    public DecodedConfig Result() => new(
        _config,
        _initApiVersion is not null,
        _clusterApiVersion is not null,
        _initApiVersion,
        _clusterApiVersion,
        diagnostics.Warnings);

    private void DecodeKubeadmDocument(StrictMappingReader reader, YamlTreeNode document, string apiVersion, string kind)
    {
        if ((target == DecodeTarget.Reset && kind != KubeadmApiVersions.ResetConfigurationKind)
            || (target == DecodeTarget.Upgrade && kind != KubeadmApiVersions.UpgradeConfigurationKind))
        {
            return;
        }

        if (KubeadmApiVersions.RemovedVersions.TryGetValue(apiVersion, out var lastKubeadm))
        {
            diagnostics.Error(document.Start, "", $"your configuration file uses an old API spec: \"{apiVersion}\" (kind: \"{kind}\"). Please use kubeadm {lastKubeadm} instead and run 'kubeadm config migrate --old-config old-config-file --new-config new-config-file', which will write the new, similar spec using a newer API version.");
            return;
        }

        if (apiVersion is not (KubeadmApiVersions.V1Beta3 or KubeadmApiVersions.V1Beta4))
        {
            diagnostics.Error(document.Start, "", $"no kind \"{kind}\" is registered for version \"{apiVersion}\"");
            return;
        }

        if (apiVersion == KubeadmApiVersions.V1Beta3)
        {
            diagnostics.Warning($"your configuration file uses a deprecated API spec: \"{apiVersion}\" (kind: \"{kind}\"). Please use 'kubeadm config migrate --old-config old-config-file --new-config new-config-file', which will write the new, similar spec using a newer API version.");
        }

        var isV1Beta4 = apiVersion == KubeadmApiVersions.V1Beta4;
        if (target == DecodeTarget.Join)
        {
            DecodeForJoin(reader, document, apiVersion, kind, isV1Beta4);
            return;
        }

        if (target == DecodeTarget.Upgrade)
        {
            if (!isV1Beta4)
            {
                diagnostics.Error(document.Start, "", $"no kind \"{kind}\" is registered for version \"{apiVersion}\"");
                return;
            }

            Upgrade = UpgradeConfigurationDecoder.Decode(reader, document);
            reader.ReportUnknownFields();
            return;
        }

        if (target == DecodeTarget.Reset)
        {
            if (!isV1Beta4)
            {
                diagnostics.Error(document.Start, "", $"no kind \"{kind}\" is registered for version \"{apiVersion}\"");
                return;
            }

            Reset = ResetConfigurationDecoder.Decode(reader, document);
            reader.ReportUnknownFields();
            return;
        }

        switch (kind)
        {
            case KubeadmApiVersions.InitConfigurationKind:
                _initApiVersion = apiVersion;
                InitConfigurationDecoder.Decode(reader, isV1Beta4, _config.Init);
                break;
            case KubeadmApiVersions.ClusterConfigurationKind:
                _clusterApiVersion = apiVersion;
                ClusterConfigurationDecoder.Decode(reader, isV1Beta4, _config);
                break;
            case var other when KubeadmApiVersions.OtherCommandKinds.Contains(other):
                diagnostics.Warning($"{other} is not used by \"kubeadm init\"; ignoring it");
                return;
            default:
                diagnostics.Error(document.Start, "", $"no kind \"{kind}\" is registered for version \"{apiVersion}\"");
                return;
        }

        reader.ReportUnknownFields();
    }

    private void DecodeSecurityProfile(StrictMappingReader reader, YamlTreeNode document)
    {
        var name = reader.String("profile") ?? "";
        reader.ReportUnknownFields();
        switch (name)
        {
            case Security.SecurityProfiles.CisName:
                _config.SecurityProfile = Security.SecurityProfile.Cis;
                break;
            case Security.SecurityProfiles.NoneName:
                _config.SecurityProfile = Security.SecurityProfile.None;
                break;
            default:
                diagnostics.Error(document.Start, "profile",
                    $"invalid value \"{name}\": the security profile must be one of \"{Security.SecurityProfiles.CisName}\", \"{Security.SecurityProfiles.NoneName}\"");
                break;
        }
    }

    private void DecodeForJoin(StrictMappingReader reader, YamlTreeNode document, string apiVersion, string kind, bool isV1Beta4)
    {
        switch (kind)
        {
            case KubeadmApiVersions.JoinConfigurationKind:
                JoinApiVersion = apiVersion;
                Join = JoinConfigurationDecoder.Decode(reader, isV1Beta4);
                reader.ReportUnknownFields();
                break;
            case KubeadmApiVersions.InitConfigurationKind or KubeadmApiVersions.ClusterConfigurationKind
                or KubeadmApiVersions.ResetConfigurationKind or KubeadmApiVersions.UpgradeConfigurationKind:
                diagnostics.Warning($"{kind} is not used by \"kubeadm join\"; ignoring it");
                break;
            default:
                diagnostics.Error(document.Start, "", $"no kind \"{kind}\" is registered for version \"{apiVersion}\"");
                break;
        }
    }
}
