using System.Security.Authentication;
using Grpc.Core;
using Kubeadm.Core.Etcd;

namespace Kubeadm.App.Etcd;

/// <summary>Sorts a gRPC error from etcd into <see cref="EtcdFailure"/> by its status code and etcd's error text.</summary>
internal static class EtcdRpcErrors
{
    // etcd's rpctypes texts (stable across 3.4-3.6) for a cluster that cannot commit: no leader or no quorum.
    private static readonly string[] NoQuorumTexts =
    [
        "etcdserver: no leader",
        "etcdserver: request timed out",
        "etcdserver: unhealthy cluster",
        "etcdserver: re-configuration failed due to not enough started members",
        "etcdserver: leader changed",
    ];

    public static EtcdCallException Classify(string endpoint, RpcException error, TimeSpan callTimeout)
    {
        var detail = error.Status.Detail;
        if (Contains(detail, "Peer URLs already exists"))
        {
            return new EtcdCallException(EtcdFailure.PeerUrlExists, endpoint, detail, error);
        }

        if (Contains(detail, "member not found"))
        {
            return new EtcdCallException(EtcdFailure.MemberNotFound, endpoint, detail, error);
        }

        if (Contains(detail, "can only promote a learner member which is in sync with leader"))
        {
            return new EtcdCallException(EtcdFailure.LearnerNotReady, endpoint, detail, error);
        }

        if (NoQuorumTexts.Any(text => Contains(detail, text)))
        {
            return new EtcdCallException(EtcdFailure.NoQuorum, endpoint, detail, error);
        }

        if (TlsFailure(error) is { } tls)
        {
            return new EtcdCallException(EtcdFailure.TlsRejected, endpoint, tls, error);
        }

        return error.StatusCode switch
        {
            StatusCode.DeadlineExceeded => new EtcdCallException(
                EtcdFailure.Unreachable, endpoint, $"no answer within {callTimeout.TotalSeconds:0.#}s (deadline exceeded)", error),
            StatusCode.Unavailable or StatusCode.Cancelled or StatusCode.Aborted or StatusCode.Unknown or StatusCode.Internal =>
                new EtcdCallException(EtcdFailure.Unreachable, endpoint, Describe(error), error),
            _ => new EtcdCallException(EtcdFailure.Rejected, endpoint, Describe(error), error),
        };
    }

    private static string Describe(RpcException error)
    {
        var cause = Innermost(error.Status.DebugException);
        return cause is null || error.Status.Detail.Contains(cause.Message, StringComparison.Ordinal)
            ? $"{error.StatusCode}: {error.Status.Detail}"
            : $"{error.StatusCode}: {error.Status.Detail} ({cause.Message})";
    }

    private static string? TlsFailure(RpcException error)
    {
        for (var e = error.Status.DebugException; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException)
            {
                return $"TLS handshake failed: {e.Message}";
            }
        }

        return null;
    }

    private static Exception? Innermost(Exception? error)
    {
        while (error?.InnerException is not null)
        {
            error = error.InnerException;
        }

        return error;
    }

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
