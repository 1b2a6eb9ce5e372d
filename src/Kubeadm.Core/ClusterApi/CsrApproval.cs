using k8s.Models;

namespace Kubeadm.Core.ClusterApi;

/// <summary>The Approved condition an approval adds to a CertificateSigningRequest's status.</summary>
public static class CsrApproval
{
    /// <summary>The CSR with an Approved=True condition added (the object is changed and returned).</summary>
    public static V1CertificateSigningRequest Approve(V1CertificateSigningRequest csr, string reason, string message, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(csr);
        csr.Status ??= new V1CertificateSigningRequestStatus();
        csr.Status.Conditions ??= [];
        csr.Status.Conditions.Add(new V1CertificateSigningRequestCondition
        {
            Type = "Approved",
            Status = "True",
            Reason = reason,
            Message = message,
            LastUpdateTime = now,
        });
        return csr;
    }

    /// <summary>Whether the CSR already has an Approved or Denied condition.</summary>
    public static bool IsDecided(V1CertificateSigningRequest csr)
    {
        ArgumentNullException.ThrowIfNull(csr);
        return csr.Status?.Conditions?.Any(c => c.Type is "Approved" or "Denied") == true;
    }
}
