using YamlDotNet.Core;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>Collects decoding errors and warnings, each prefixed with the source, document and position.</summary>
internal sealed class DecodeDiagnostics(string sourceName)
{
    public string SourceName { get; } = sourceName;

    /// <summary>1-based number of the document being decoded.</summary>
    public int DocumentNumber { get; set; }

    /// <summary>The kind of the document being decoded, once known.</summary>
    public string? Kind { get; set; }

    public List<string> Errors { get; } = [];

    public List<string> Warnings { get; } = [];

    public void Error(Mark position, string path, string message) =>
        Errors.Add(Prefix(position) + ": " + (path.Length > 0 ? path + ": " : "") + message);

    public void Warning(string message) => Warnings.Add(DocumentPrefix() + ": " + message);

    public string Prefix(Mark position) =>
        $"{DocumentPrefix()}, line {position.Line}, column {position.Column}";

    private string DocumentPrefix() =>
        $"{SourceName}: document {DocumentNumber}" + (Kind is null ? "" : $" ({Kind})");
}
