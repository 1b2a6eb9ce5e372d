using Kubeadm.Core.Errors;

namespace Kubeadm.Core.ClusterApi;

/// <summary>An API call that failed for good (after retries, or with a non-transient status); says what was being done.</summary>
public sealed class ClusterApiException : KubeadmUserException
{
    public ClusterApiException(string message, int statusCode, Exception? innerException = null)
        : base(message, innerException ?? new InvalidOperationException(message))
    {
        StatusCode = statusCode;
    }

    public ClusterApiException()
    {
    }

    public ClusterApiException(string message)
        : base(message)
    {
    }

    public ClusterApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// <see cref="StatusCode"/> of an answer that arrived but could not be decoded (not an API server, or not the
    /// object asked for): asking again gets the same answer.
    /// </summary>
    public const int UnreadableAnswer = -1;

    /// <summary>The HTTP status (0 when the server could not be reached; <see cref="UnreadableAnswer"/>).</summary>
    public int StatusCode { get; }
}
