using k8s.Models;
using Kubeadm.App.Join;

namespace Kubeadm.App.Tests.Join;

public sealed class TlsBootstrapDiagnosisTests
{
    private const string Token = "abcdef.0123456789abcdef";

    [Fact]
    public void Should_SayTheKubeletNeverAsked_When_ThereIsNoCsrFromTheToken()
    {
        var text = TlsBootstrapDiagnosis.Describe([Csr("other", "system:bootstrap:zzzzzz")], Token, "n1");

        Assert.Contains("holds no kubelet client CSR from system:bootstrap:abcdef", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_PointAtTheApprover_When_TheCsrIsPending()
    {
        var text = TlsBootstrapDiagnosis.Describe([Csr("node-csr-1", "system:bootstrap:abcdef")], Token, "n1");

        Assert.Contains("CSR node-csr-1 is pending: nobody approved it", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_PointAtTheSigner_When_ApprovedButNotSigned()
    {
        var csr = Csr("node-csr-2", "system:bootstrap:abcdef", new V1CertificateSigningRequestCondition { Type = "Approved", Status = "True" });

        Assert.Contains("approved but has no certificate", TlsBootstrapDiagnosis.Describe([csr], Token, "n1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_QuoteTheReason_When_Denied()
    {
        var csr = Csr("node-csr-3", "system:bootstrap:abcdef", new V1CertificateSigningRequestCondition { Type = "Denied", Status = "True", Reason = "PolicyX", Message = "not allowed" });

        Assert.Contains("CSR node-csr-3 for node \"n1\" was denied: PolicyX not allowed", TlsBootstrapDiagnosis.Describe([csr], Token, "n1"), StringComparison.Ordinal);
    }

    private static V1CertificateSigningRequest Csr(string name, string user, params V1CertificateSigningRequestCondition[] conditions) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, CreationTimestamp = DateTime.UtcNow },
        Spec = new V1CertificateSigningRequestSpec { Username = user, SignerName = "kubernetes.io/kube-apiserver-client-kubelet", Request = [1] },
        Status = new V1CertificateSigningRequestStatus { Conditions = conditions },
    };
}
