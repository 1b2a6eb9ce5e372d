using k8s.Models;
using Kubeadm.Core.BootstrapTokens;
using Kubeadm.Core.ClusterApi;

namespace Kubeadm.App.Join;

/// <summary>
/// Why a kubelet's TLS bootstrap stalled, asked of the API server with the bootstrap token: no CSR from this token,
/// a CSR still pending (nobody approves: is kube-controller-manager's csrapprover running, is the token's group bound to
/// kubeadm:node-autoapprove-bootstrap?), approved but not signed (no signer), or denied/failed.
/// </summary>
public static class TlsBootstrapDiagnosis
{
    public static async Task<string> DescribeAsync(JoinContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var cluster = await context.ClusterAsync(cancellationToken).ConfigureAwait(false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var requests = await cluster.BootstrapClient.ListAsync<V1CertificateSigningRequest>("", null, timeout.Token).ConfigureAwait(false);
            return Describe(requests, context.Join.Discovery.TlsBootstrapToken, context.NodeName);
        }
        catch (Exception e) when (e is ClusterApiException or OperationCanceledException or HttpRequestException)
        {
            return $"[kubelet-start] Diagnosis: could not list CertificateSigningRequests with the bootstrap token: {e.Message}";
        }
    }

    /// <summary>The diagnosis from the CSRs the API server holds (pure).</summary>
    public static string Describe(IReadOnlyList<V1CertificateSigningRequest> requests, string tlsBootstrapToken, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var requester = BootstrapTokenString.TryParse(tlsBootstrapToken, out var token) ? $"system:bootstrap:{token.Id}" : null;
        var mine = requests
            .Where(r => r.Spec?.SignerName == "kubernetes.io/kube-apiserver-client-kubelet")
            .Where(r => requester is null || r.Spec?.Username == requester)
            .OrderByDescending(r => r.Metadata?.CreationTimestamp)
            .ToList();
        if (mine.Count == 0)
        {
            return $"[kubelet-start] Diagnosis: the API server holds no kubelet client CSR from {requester ?? "this token"}: the kubelet never sent one " +
                $"(is it running with --bootstrap-kubeconfig={Kubeadm.Core.Constants.KubeadmConstants.KubeletBootstrapKubeConfigFile}? see its log).";
        }

        var latest = mine[0];
        var name = latest.Metadata?.Name ?? "?";
        var conditions = latest.Status?.Conditions ?? [];
        if (conditions.FirstOrDefault(c => c.Type is "Denied" or "Failed") is { } refused)
        {
            return $"[kubelet-start] Diagnosis: CSR {name} for node \"{nodeName}\" was {refused.Type.ToLowerInvariant()}: {refused.Reason} {refused.Message}".TrimEnd();
        }

        if (conditions.All(c => c.Type != "Approved"))
        {
            return $"[kubelet-start] Diagnosis: CSR {name} is pending: nobody approved it. kube-controller-manager's csrapprover approves it when the " +
                "token's group is bound to the ClusterRole system:certificates.k8s.io:certificatesigningrequests:nodeclient " +
                "(kubeadm:node-autoapprove-bootstrap); check that kube-controller-manager runs and that binding exists.";
        }

        if (latest.Status?.Certificate is not { Length: > 0 })
        {
            return $"[kubelet-start] Diagnosis: CSR {name} is approved but has no certificate: kube-controller-manager's signer " +
                "(--cluster-signing-cert-file/--cluster-signing-key-file) did not sign it.";
        }

        return $"[kubelet-start] Diagnosis: CSR {name} was approved and signed; the kubelet got its certificate but did not write " +
            $"{Kubeadm.Core.Constants.KubeadmConstants.KubeletKubeConfigFile} (see the kubelet's log).";
    }
}
