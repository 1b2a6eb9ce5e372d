namespace Kubeadm.Core.Preflight;

/// <summary>An HTTP answer (status line and body), or the transport error that prevented one.</summary>
public sealed record HttpGetResult(int StatusCode, string Status, string Body, string? TransportError)
{
    public static HttpGetResult Answer(int statusCode, string status, string body) => new(statusCode, status, body, null);

    public static HttpGetResult Failed(string error) => new(0, "", "", error);
}
