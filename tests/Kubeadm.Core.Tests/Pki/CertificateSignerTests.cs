using System.Net;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kubeadm.Core.Pki;

namespace Kubeadm.Core.Tests.Pki;

public sealed class CertificateSignerTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static KeyAndCertificate NewCa(string name = "kubernetes")
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spec = new CertificateSpec { CommonName = name, IsCa = true, NotBefore = Start, NotAfter = Start.AddYears(10) };
        return new KeyAndCertificate(CertificateSigner.Issue(spec, key, null), key);
    }

    [Fact]
    public void Should_MarkCaAndNameItselfAsSan_When_IssuingSelfSignedCa()
    {
        var ca = NewCa().Certificate;

        Assert.True(CertificateChecks.IsCa(ca));
        Assert.Equal(["kubernetes"], CertificateChecks.SansOf(ca).DnsNames);
        var usage = ca.Extensions.OfType<X509KeyUsageExtension>().Single();
        Assert.True(usage.Critical);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, usage.KeyUsages);
        Assert.Single(ca.Extensions.OfType<X509SubjectKeyIdentifierExtension>());
        Assert.Empty(ca.Extensions.OfType<X509AuthorityKeyIdentifierExtension>());
        Assert.Equal(ca.SubjectName.RawData, ca.IssuerName.RawData);
    }

    [Fact]
    public void Should_CarryUsagesSansAndAuthorityKeyId_When_IssuingLeaf()
    {
        var ca = NewCa();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spec = new CertificateSpec
        {
            CommonName = "kube-apiserver-kubelet-client",
            Organizations = ["kubeadm:cluster-admins"],
            ServerAuth = true,
            ClientAuth = true,
            DnsNames = ["a.example"],
            IpAddresses = [IPAddress.Parse("10.0.0.1"), IPAddress.IPv6Loopback],
            NotBefore = Start,
            NotAfter = Start.AddYears(1),
        };

        var leaf = CertificateSigner.Issue(spec, key, ca);

        Assert.Equal("CN=kube-apiserver-kubelet-client, O=kubeadm:cluster-admins", leaf.Subject);
        Assert.False(CertificateChecks.IsCa(leaf));
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, leaf.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        Assert.Equal(
            ["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"],
            leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));
        Assert.Equal(["10.0.0.1", "::1"], CertificateChecks.SansOf(leaf).IpAddresses.Select(ip => ip.ToString()));
        Assert.Equal(
            ca.Certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifierBytes.ToArray(),
            leaf.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().Single().KeyIdentifier!.Value.ToArray());
        Assert.Empty(leaf.Extensions.OfType<X509SubjectKeyIdentifierExtension>());
        Assert.True(CertificateChecks.IsSignedBy(leaf, [], ca.Certificate));
        Assert.Equal(Start.UtcDateTime, leaf.NotBefore.ToUniversalTime());
    }

    [Fact]
    public void Should_UsePositiveSerialBelowMaxInt64_When_IssuingManyCertificates()
    {
        var ca = NewCa();
        for (var i = 0; i < 50; i++)
        {
            var serial = new BigInteger(ca.Certificate.SerialNumberBytes.Span, isUnsigned: false, isBigEndian: true);
            Assert.InRange(serial, BigInteger.One, new BigInteger(long.MaxValue - 1));
            ca = NewCa();
        }
    }

    [Fact]
    public void Should_Refuse_When_LeafHasNoExtendedKeyUsage()
    {
        var ca = NewCa();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spec = new CertificateSpec { CommonName = "x", NotBefore = Start, NotAfter = Start.AddDays(1) };

        Assert.Throws<ArgumentException>(() => CertificateSigner.Issue(spec, key, ca));
    }
}
