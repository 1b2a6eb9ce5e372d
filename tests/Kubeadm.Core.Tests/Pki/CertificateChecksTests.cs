using System.Net;
using System.Security.Cryptography;
using Kubeadm.Core.Pki;

namespace Kubeadm.Core.Tests.Pki;

public sealed class CertificateChecksTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static KeyAndCertificate Issue(string[] dns, string[] ips, KeyAndCertificate? issuer = null)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spec = new CertificateSpec
        {
            CommonName = issuer is null ? "ca" : "leaf",
            IsCa = issuer is null,
            ServerAuth = issuer is not null,
            DnsNames = dns,
            IpAddresses = [.. ips.Select(IPAddress.Parse)],
            NotBefore = Start,
            NotAfter = Start.AddDays(10),
        };
        return new KeyAndCertificate(CertificateSigner.Issue(spec, key, issuer), key);
    }

    [Fact]
    public void Should_ListOnlyUncoveredNames_When_CheckingSans()
    {
        var ca = Issue([], []);
        var leaf = Issue(["*.example.com", "Host.Local"], ["10.0.0.1"], ca).Certificate;
        var expected = new AltNames(["a.example.com", "host.local", "a.b.example.com", "other"], [IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.2")]);

        Assert.Equal(["DNS:a.b.example.com", "DNS:other", "IP:10.0.0.2"], CertificateChecks.MissingSans(leaf, expected));
    }

    [Fact]
    public void Should_DetectWrongCaAndWrongKey_When_VerifyingLeaf()
    {
        var ca = Issue([], []);
        var otherCa = Issue([], []);
        var leaf = Issue([], [], ca);

        Assert.True(CertificateChecks.IsSignedBy(leaf.Certificate, [], ca.Certificate));
        Assert.False(CertificateChecks.IsSignedBy(leaf.Certificate, [], otherCa.Certificate));
        Assert.True(CertificateChecks.KeyMatches(leaf.Certificate, leaf.Key!));
        Assert.False(CertificateChecks.KeyMatches(leaf.Certificate, ca.Key!));
    }

    [Fact]
    public void Should_DescribeLikeGo_When_PeriodIsNotValid()
    {
        var certificate = Issue([], []).Certificate;

        Assert.Null(CertificateChecks.PeriodProblem(certificate, Start.AddDays(1)));
        Assert.Equal(
            "the certificate has expired: NotBefore: 2025-03-01 12:00:00 +0000 UTC, NotAfter: 2025-03-11 12:00:00 +0000 UTC",
            CertificateChecks.PeriodProblem(certificate, Start.AddDays(11)));
        Assert.StartsWith("the certificate is not valid yet: ", CertificateChecks.PeriodProblem(certificate, Start.AddDays(-1)), StringComparison.Ordinal);
    }
}
