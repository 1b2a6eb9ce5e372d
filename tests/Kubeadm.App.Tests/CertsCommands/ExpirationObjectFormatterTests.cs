using Kubeadm.App.CertsCommands;

namespace Kubeadm.App.Tests.CertsCommands;

public sealed class ExpirationObjectFormatterTests
{
    private static readonly CertificateExpirationReport Report = new(
        [new CertificateExpiration("apiserver", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), 42, true, "ca", false)],
        [CertificateExpiration.MissingFile("ca")]);

    [Fact]
    public void Should_WriteGoFieldOrderWithFourSpaces_When_Json()
    {
        const string Expected = """
            {
                "kind": "CertificateExpirationInfo",
                "apiVersion": "output.kubeadm.k8s.io/v1alpha3",
                "certificates": [
                    {
                        "name": "apiserver",
                        "expirationDate": "2026-01-02T03:04:05Z",
                        "residualTime": 42,
                        "externallyManaged": true,
                        "caName": "ca",
                        "missing": false
                    }
                ],
                "certificateAuthorities": [
                    {
                        "name": "ca",
                        "expirationDate": null,
                        "residualTime": 0,
                        "externallyManaged": false,
                        "missing": true
                    }
                ]
            }

            """;
        Assert.Equal(Expected.Replace("\r\n", "\n", StringComparison.Ordinal), ExpirationObjectFormatter.Json(Report));
    }

    [Fact]
    public void Should_SortKeysAndQuoteTimestamps_When_Yaml()
    {
        const string Expected = """
            apiVersion: output.kubeadm.k8s.io/v1alpha3
            certificateAuthorities:
            - expirationDate: null
              externallyManaged: false
              missing: true
              name: ca
              residualTime: 0
            certificates:
            - caName: ca
              expirationDate: "2026-01-02T03:04:05Z"
              externallyManaged: true
              missing: false
              name: apiserver
              residualTime: 42
            kind: CertificateExpirationInfo

            """;
        Assert.Equal(Expected.Replace("\r\n", "\n", StringComparison.Ordinal), ExpirationObjectFormatter.Yaml(Report));
    }
}
