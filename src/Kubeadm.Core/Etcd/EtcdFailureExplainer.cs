namespace Kubeadm.Core.Etcd;

/// <summary>Turns etcd call failures into one message: what failed, where, and what to do about it.</summary>
public static class EtcdFailureExplainer
{
    /// <summary>A failure that retrying cannot fix (TLS refused, request refused).</summary>
    public static string Refused(string what, EtcdCallException error, EtcdTlsFiles tls)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(tls);
        return error.Failure == EtcdFailure.TlsRejected
            ? $"could not {what}: the TLS connection to etcd at {error.Endpoint} failed: {error.Message}. {TlsAdvice(tls)}"
            : $"could not {what}: etcd at {error.Endpoint} refused it: {error.Message}";
    }

    /// <summary>The error after retrying for <paramref name="timeout"/>, using the quorum report when one could be made.</summary>
    public static EtcdClusterException AfterRetries(
        string what, string timeout, IReadOnlyDictionary<string, EtcdCallException> failures, EtcdQuorumReport? quorum, EtcdTlsFiles tls)
    {
        ArgumentNullException.ThrowIfNull(failures);
        ArgumentNullException.ThrowIfNull(tls);
        var last = failures.Values.Last();
        var errors = string.Join("; ", failures.Select(f => $"{f.Key}: {f.Value.Message}"));
        if (quorum is null)
        {
            if (failures.Values.All(e => e.Failure == EtcdFailure.TlsRejected))
            {
                return new EtcdClusterException(EtcdFailure.TlsRejected,
                    $"could not {what}: every etcd endpoint refused the TLS connection ({errors}). {TlsAdvice(tls)}", last);
            }

            return new EtcdClusterException(EtcdFailure.Unreachable,
                $"could not {what}: etcd is unreachable at {string.Join(", ", failures.Keys)} (tried for {timeout}): {errors}. "
                + "Check that the etcd member runs (crictl ps -a --name etcd; its log: crictl logs <container>) and listens on that "
                + $"client URL, and that it trusts {tls.CertFile}", last);
        }

        if (!quorum.HasQuorum)
        {
            var answering = quorum.Healthy.Concat(quorum.Leaderless).Select(m => m.DisplayName).ToList();
            var silent = quorum.Silent.Select(s => $"{s.Member.DisplayName} ({s.Reason})").ToList();
            return new EtcdClusterException(EtcdFailure.NoQuorum,
                $"could not {what}: the etcd cluster has lost quorum: {answering.Count} of {quorum.Voters.Count} voting members answer"
                + $" ({(answering.Count == 0 ? "none" : string.Join(", ", answering))}) and {quorum.Healthy.Count} know a leader; "
                + $"{quorum.Needed} are needed. Not answering: {(silent.Count == 0 ? "none" : string.Join("; ", silent))}. "
                + "etcd accepts no change until a majority of its voting members runs again: start the stopped etcd members "
                + $"(crictl ps -a --name etcd on their nodes), then retry. Last error: {last.Endpoint}: {last.Message}", last);
        }

        return new EtcdClusterException(last.Failure, $"could not {what} within {timeout}: {errors}", last);
    }

    private static string TlsAdvice(EtcdTlsFiles tls) =>
        $"Check that {tls.CaFile} is the CA of this etcd cluster and that {tls.CertFile} and {tls.KeyFile} are a pair it signed "
        + "(kubeadm certs check-expiration lists them)";
}
