using YamlDotNet.Core;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>
/// Decodes a kubeadm config file (multi-document YAML or JSON) strictly: unknown, duplicate and mistyped fields
/// are errors (kubeadm only warns), and every error of every document is reported at once.
/// </summary>
public static class KubeadmConfigDecoder
{
    /// <summary>Decodes <paramref name="content"/>; throws <see cref="Errors.ValidationException"/> listing every error.</summary>
    public static DecodedConfig Decode(string content, string sourceName)
    {
        var state = DecodeAll(content, sourceName, DecodeTarget.Init);
        return state.Result();
    }

    /// <summary>
    /// Decodes the JoinConfiguration of a `kubeadm join --config` file (other kinds are ignored with a warning);
    /// throws <see cref="Errors.ValidationException"/> listing every error, or when there is no JoinConfiguration.
    /// </summary>
    public static DecodedJoinConfig DecodeJoin(string content, string sourceName)
    {
        var state = DecodeAll(content, sourceName, DecodeTarget.Join);
        var result = state.Result();
        if (state.Join is null)
        {
            throw new Errors.ValidationException($"{sourceName}: no JoinConfiguration found in the supplied config");
        }

        return new DecodedJoinConfig(state.Join, state.JoinApiVersion ?? KubeadmApiVersions.V1Beta4, result.Warnings, state.SecurityProfile);
    }

    /// <summary>
    /// Decodes the ResetConfiguration of a `kubeadm reset --config` file (other documents are passed over, as kubeadm
    /// does); throws <see cref="Errors.ValidationException"/> listing every error, or when there is no ResetConfiguration.
    /// </summary>
    public static ResetConfiguration DecodeReset(string content, string sourceName)
    {
        var state = DecodeAll(content, sourceName, DecodeTarget.Reset);
        return state.Reset
            ?? throw new Errors.ValidationException($"{sourceName}: no {KubeadmApiVersions.ResetConfigurationKind} document (apiVersion: {KubeadmApiVersions.V1Beta4}) was found");
    }

    /// <summary>
    /// Decodes the UpgradeConfiguration of a `kubeadm upgrade … --config` file (other documents are passed over);
    /// throws <see cref="Errors.ValidationException"/> listing every error, or when there is no UpgradeConfiguration.
    /// </summary>
    public static UpgradeConfiguration DecodeUpgrade(string content, string sourceName)
    {
        var state = DecodeAll(content, sourceName, DecodeTarget.Upgrade);
        return state.Upgrade
            ?? throw new Errors.ValidationException($"{sourceName}: no {KubeadmApiVersions.UpgradeConfigurationKind} document (apiVersion: {KubeadmApiVersions.V1Beta4}) was found");
    }

    private static DocumentSetDecoder DecodeAll(string content, string sourceName, DecodeTarget target)
    {
        ArgumentNullException.ThrowIfNull(content);
        var diagnostics = new DecodeDiagnostics(sourceName);
        List<YamlTreeNode> documents;
        try
        {
            documents = YamlTreeReader.ReadDocuments(content);
        }
        catch (YamlException e)
        {
            throw new Errors.ValidationException(
                $"{sourceName}: line {e.Start.Line}, column {e.Start.Column}: invalid YAML: {YamlErrorText(e)}");
        }

        var state = new DocumentSetDecoder(diagnostics, target);
        for (var i = 0; i < documents.Count; i++)
        {
            diagnostics.DocumentNumber = i + 1;
            diagnostics.Kind = null;
            state.DecodeDocument(documents[i]);
        }

        if (diagnostics.Errors.Count > 0)
        {
            throw new Errors.ValidationException(diagnostics.Errors);
        }

        return state;
    }

    /// <summary>YamlDotNet puts "(Line: …) - (Line: …): " before its message; we print the position our own way.</summary>
    private static string YamlErrorText(YamlException e)
    {
        var message = e.Message;
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && separator >= 0 ? message[(separator + 3)..] : message;
    }
}
