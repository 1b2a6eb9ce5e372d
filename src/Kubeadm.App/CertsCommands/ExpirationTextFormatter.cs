using System.Globalization;

namespace Kubeadm.App.CertsCommands;

/// <summary>
/// kubeadm's text output of check-expiration: two tab-aligned tables (certificates, then CAs), expiry as
/// "Jan 02, 2006 15:04 UTC", residual time in short human form and missing files flagged "!MISSING!".
/// </summary>
public static class ExpirationTextFormatter
{
    public static string Format(CertificateExpirationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new GoTabWriter(minWidth: 10, padding: 3);
        table.WriteLine("CERTIFICATE\tEXPIRES\tRESIDUAL TIME\tCERTIFICATE AUTHORITY\tEXTERNALLY MANAGED");
        foreach (var row in report.Certificates)
        {
            table.WriteLine(row.Missing
                ? $"!MISSING! {row.Name}\t\t\t\t"
                : $"{row.Name}\t{Expires(row)}\t{Residual(row)}\t{row.CaName}\t{YesNo(row)}");
        }

        table.WriteLine("");
        table.WriteLine("CERTIFICATE AUTHORITY\tEXPIRES\tRESIDUAL TIME\tEXTERNALLY MANAGED");
        foreach (var row in report.CertificateAuthorities)
        {
            table.WriteLine(row.Missing
                ? $"!MISSING! {row.Name}\t\t\t"
                : $"{row.Name}\t{Expires(row)}\t{Residual(row)}\t{YesNo(row)}");
        }

        return table.ToString();
    }

    private static string Expires(CertificateExpiration row) =>
        row.ExpirationDate!.Value.UtcDateTime.ToString("MMM dd, yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Residual(CertificateExpiration row) => HumanDuration.ShortForm(TimeSpan.FromSeconds(row.ResidualTimeSeconds));

    // kubeadm pads the last column to 8 characters (%-8v).
    private static string YesNo(CertificateExpiration row) => (row.ExternallyManaged ? "yes" : "no").PadRight(8);
}
