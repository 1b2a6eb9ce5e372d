using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kubeadm.App.Reset;

/// <summary>
/// Reads the ResetConfiguration out of a --config file (YAML or JSON, possibly with other documents, which reset
/// ignores). Like the rest of this build it is strict: unknown fields and values of the wrong type are errors.
/// </summary>
public static class ResetConfigurationDecoder
{
    public const string Kind = "ResetConfiguration";

    /// <summary>The unmount flags kubeadm accepts in <c>unmountFlags</c>.</summary>
    public static readonly IReadOnlyList<string> KnownUnmountFlags = ["MNT_FORCE", "MNT_DETACH", "MNT_EXPIRE", "UMOUNT_NOFOLLOW"];

    public static ResetConfiguration Decode(string content, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(content));
        }
        catch (YamlException e)
        {
            throw new ValidationException($"{sourceName}: line {e.Start.Line}, column {e.Start.Column}: invalid YAML: {e.Message}");
        }

        var documents = stream.Documents
            .Select(document => document.RootNode)
            .OfType<YamlMappingNode>()
            .Where(mapping => Scalar(mapping, "kind") == Kind)
            .ToList();
        if (documents.Count == 0)
        {
            throw new ValidationException($"{sourceName}: no {Kind} document (apiVersion: {KubeadmApiVersions.V1Beta4}) was found");
        }

        if (documents.Count > 1)
        {
            throw new ValidationException($"{sourceName}: invalid configuration: kind \"{Kind}\" is specified twice in YAML file");
        }

        return Read(documents[0], sourceName);
    }

    private static ResetConfiguration Read(YamlMappingNode mapping, string sourceName)
    {
        var errors = new List<string>();
        var apiVersion = Scalar(mapping, "apiVersion");
        if (apiVersion != KubeadmApiVersions.V1Beta4)
        {
            errors.Add($"{sourceName}: {Kind}: apiVersion \"{apiVersion}\" is not supported for this kind; use \"{KubeadmApiVersions.V1Beta4}\"");
        }

        var fields = new YamlFieldReader(mapping, sourceName, errors);
        fields.Skip("apiVersion");
        fields.Skip("kind");
        var config = new ResetConfiguration
        {
            CleanupTmpDir = fields.Bool("cleanupTmpDir"),
            CertificatesDir = fields.String("certificatesDir") ?? "",
            CriSocket = fields.String("criSocket") ?? "",
            DryRun = fields.Bool("dryRun"),
            Force = fields.Bool("force"),
            IgnorePreflightErrors = fields.StringList("ignorePreflightErrors"),
            SkipPhases = fields.StringList("skipPhases"),
            UnmountFlags = fields.StringList("unmountFlags"),
        };
        if (fields.Mapping("timeouts") is { } timeouts)
        {
            config = config with
            {
                EtcdApiCallTimeout = Positive(timeouts.Duration("etcdAPICall"), "timeouts.etcdAPICall", sourceName, errors),
            };

            // The other timeouts do not change what reset does; they are accepted as kubeadm's shared Timeouts type has them.
            foreach (var other in new[] { "kubernetesAPICall", "controlPlaneComponentHealthCheck", "kubeletHealthCheck", "tlsBootstrap", "discovery", "upgradeManifests" })
            {
                timeouts.Duration(other);
            }

            timeouts.ReportUnknown();
        }

        fields.ReportUnknown();
        for (var i = 0; i < config.UnmountFlags.Count; i++)
        {
            if (!KnownUnmountFlags.Contains(config.UnmountFlags[i], StringComparer.Ordinal))
            {
                errors.Add($"{sourceName}: unmountFlags[{i}]: Invalid value: \"{config.UnmountFlags[i]}\": unknown unmount flag; valid flags are {string.Join(", ", KnownUnmountFlags)}");
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(string.Join('\n', errors));
        }

        return config;
    }

    private static TimeSpan? Positive(TimeSpan? value, string field, string sourceName, List<string> errors)
    {
        if (value is { } given && given <= TimeSpan.Zero)
        {
            errors.Add($"{sourceName}: {field}: Invalid value: \"{GoDuration.Format(given)}\": must be greater than zero");
        }

        return value;
    }

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
