using k8s.Models;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Security;

namespace Kubeadm.App.Security;

/// <summary>What the approver found for the node.</summary>
public enum ServingCsrOutcome
{
    /// <summary>This run approved the node's serving CSR.</summary>
    Approved,

    /// <summary>A serving CSR of the node was already approved (an earlier run, or an administrator).</summary>
    AlreadyApproved,

    /// <summary>No CSR that passes the checks appeared in time.</summary>
    NoneInTime,
}

/// <summary>
/// With the CIS profile the kubelet asks the cluster CA for its serving certificate (serverTLSBootstrap), and
/// Kubernetes never approves those requests on its own, because the signer does not check the names in them. This
/// approves the node's own request, and only when <see cref="KubeletServingCsrCheck"/> finds that it is exactly the
/// node's: signer, requester, subject, usages, and every DNS name and IP among the Node object's name and addresses.
/// Any other pending request is left alone, and each one refused is reported once with the reason.
/// </summary>
public sealed class KubeletServingCsrApprover(IClusterApi api, TimeProvider clock, TextWriter output)
{
    public const string Reason = "KubeadmDotnetSecurityProfile";

    public async Task<ServingCsrOutcome> ApproveAsync(string nodeName, TimeSpan wait, TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodeName);
        var deadline = clock.GetUtcNow() + wait;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var user = "system:node:" + nodeName;
        output.WriteLine($"[kubelet-serving] Waiting for the kubelet serving certificate request of node \"{nodeName}\" (up to {wait.TotalSeconds:0}s)");
        while (true)
        {
            var node = await api.GetAsync<V1Node>("", nodeName, cancellationToken).ConfigureAwait(false);
            var requests = (await api.ListAsync<V1CertificateSigningRequest>("", null, cancellationToken).ConfigureAwait(false))
                .Where(csr => csr.Spec?.SignerName == KubeletServingCsrCheck.SignerName && csr.Spec.Username == user)
                .OrderBy(csr => csr.Metadata.CreationTimestamp ?? DateTime.MinValue)
                .ToList();
            if (requests.Any(IsApproved))
            {
                output.WriteLine($"[kubelet-serving] The serving certificate request of node \"{nodeName}\" is already approved");
                return ServingCsrOutcome.AlreadyApproved;
            }

            if (node is not null)
            {
                foreach (var csr in requests.Where(csr => !CsrApproval.IsDecided(csr)))
                {
                    var problem = KubeletServingCsrCheck.Problem(csr, nodeName, node.Status?.Addresses ?? []);
                    if (problem is null)
                    {
                        await api.ApproveCertificateSigningRequestAsync(
                            csr, Reason, $"kubeadm approved the serving certificate of node {nodeName}: it names only the node's own name and addresses",
                            cancellationToken).ConfigureAwait(false);
                        output.WriteLine($"[kubelet-serving] Approved certificate signing request \"{csr.Metadata.Name}\" for the kubelet serving certificate of node \"{nodeName}\"");
                        return ServingCsrOutcome.Approved;
                    }

                    if (reported.Add(csr.Metadata.Name))
                    {
                        output.WriteLine($"[kubelet-serving] Not approving certificate signing request \"{csr.Metadata.Name}\": {problem}");
                    }
                }
            }

            if (clock.GetUtcNow() + interval > deadline)
            {
                output.WriteLine(
                    $"[kubelet-serving] No acceptable serving certificate request of node \"{nodeName}\" within {wait.TotalSeconds:0}s; until one is approved " +
                    $"(check it, then: kubectl certificate approve <name>), the API server cannot reach this kubelet for logs and exec");
                return ServingCsrOutcome.NoneInTime;
            }

            await Task.Delay(interval, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsApproved(V1CertificateSigningRequest csr) =>
        csr.Status?.Conditions?.Any(c => c.Type == "Approved" && c.Status == "True") == true;
}
