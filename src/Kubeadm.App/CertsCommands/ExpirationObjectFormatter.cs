using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.App.CertsCommands;

/// <summary>
/// The structured outputs of check-expiration: kubeadm's output.kubeadm.k8s.io/v1alpha3 CertificateExpirationInfo,
/// as JSON (Go's field order, 4-space indent, like kubectl's JSON printer) or YAML (keys sorted, like sigs.k8s.io/yaml).
/// </summary>
public static class ExpirationObjectFormatter
{
    public static string Json(CertificateExpirationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var options = new JsonWriterOptions { Indented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", CertificateExpirationReport.Kind);
            writer.WriteString("apiVersion", CertificateExpirationReport.ApiVersion);
            WriteList(writer, "certificates", report.Certificates);
            WriteList(writer, "certificateAuthorities", report.CertificateAuthorities);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    public static string Yaml(CertificateExpirationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var root = new JsonObject
        {
            ["apiVersion"] = CertificateExpirationReport.ApiVersion,
            ["certificateAuthorities"] = new JsonArray([.. report.CertificateAuthorities.Select(Node)]),
            ["certificates"] = new JsonArray([.. report.Certificates.Select(Node)]),
            ["kind"] = CertificateExpirationReport.Kind,
        };
        return JsonYamlWriter.Write(root);
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<CertificateExpiration> rows)
    {
        writer.WriteStartArray(name);
        foreach (var row in rows)
        {
            writer.WriteStartObject();
            writer.WriteString("name", row.Name);
            if (Timestamp(row) is { } timestamp)
            {
                writer.WriteString("expirationDate", timestamp);
            }
            else
            {
                writer.WriteNull("expirationDate");
            }

            writer.WriteNumber("residualTime", row.ResidualTimeSeconds);
            writer.WriteBoolean("externallyManaged", row.ExternallyManaged);
            if (row.CaName.Length > 0)
            {
                writer.WriteString("caName", row.CaName);
            }

            writer.WriteBoolean("missing", row.Missing);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static JsonObject Node(CertificateExpiration row)
    {
        var node = new JsonObject
        {
            ["name"] = row.Name,
            ["expirationDate"] = Timestamp(row) is { } timestamp ? JsonValue.Create(timestamp) : null,
            ["residualTime"] = row.ResidualTimeSeconds,
            ["externallyManaged"] = row.ExternallyManaged,
            ["missing"] = row.Missing,
        };
        if (row.CaName.Length > 0)
        {
            node["caName"] = row.CaName;
        }

        return node;
    }

    // metav1.Time: RFC 3339 in UTC with whole seconds; a missing certificate has the zero time, written as null.
    private static string? Timestamp(CertificateExpiration row) =>
        row.ExpirationDate?.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
}
