using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.KubeConfigModels;
using Kubeadm.App.Host;
using Kubeadm.Core.Errors;

namespace Kubeadm.App.ClusterApi;

// CA5359 (accepting any server certificate) is reported where AcceptAnyCertificate is assigned: see its comment.
#pragma warning disable CA5359

/// <summary>
/// The HTTPS connection a kubeconfig describes, for its current context: the server, the cluster CA (embedded or a
/// file; the server's certificate must chain to it and name the host, as Go's client requires) or
/// insecure-skip-tls-verify, and the user's client certificate and key (embedded or files) or bearer token.
/// Exec plugins, auth providers and basic auth are refused: kubeadm's kubeconfigs never use them.
/// </summary>
public static class KubeconfigConnection
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    /// <param name="kubeconfig">The parsed kubeconfig.</param>
    /// <param name="name">Its file name, for messages.</param>
    /// <param name="readFile">Reads a file the kubeconfig refers to (through the host file system, so --rootfs applies); null: only embedded data is allowed.</param>
    public static KubeRestClient Create(K8SConfiguration kubeconfig, string name, Func<string, byte[]>? readFile)
    {
        ArgumentNullException.ThrowIfNull(kubeconfig);
        var (cluster, user) = Resolve(kubeconfig, name);
        if (!Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server) || server.Scheme is not ("https" or "http"))
        {
            throw Invalid(name, $"the cluster's server \"{cluster.Server}\" is not an http(s) URL");
        }

        var tls = new SslClientAuthenticationOptions();
        if (cluster.SkipTlsVerify)
        {
            tls.RemoteCertificateValidationCallback = AcceptAnyCertificate;
        }
        else if (Bytes(cluster.CertificateAuthorityData, cluster.CertificateAuthority, readFile, name, "certificate-authority") is { } caPem)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPem(Encoding.ASCII.GetString(caPem));
            if (roots.Count == 0)
            {
                throw Invalid(name, "the cluster's certificate-authority holds no PEM certificate");
            }

            tls.RemoteCertificateValidationCallback = PinnedCaValidation.For(roots);
        }

        if (!string.IsNullOrEmpty(cluster.TlsServerName))
        {
            tls.TargetHost = cluster.TlsServerName;
        }

        string? token = null;
        if (user is not null)
        {
            if (user.ExternalExecution is not null || user.AuthProvider is not null || !string.IsNullOrEmpty(user.UserName))
            {
                throw Invalid(name, "its user authenticates with an exec plugin, an auth provider or a password, which kubeadm does not use; give a kubeconfig with a client certificate or a token");
            }

            var certificate = Bytes(user.ClientCertificateData, user.ClientCertificate, readFile, name, "client-certificate");
            var key = Bytes(user.ClientKeyData, user.ClientKey, readFile, name, "client-key");
            if (certificate is not null && key is not null)
            {
                tls.ClientCertificates = [ClientCertificate(certificate, key, name)];
            }

            token = string.IsNullOrEmpty(user.Token) ? null : user.Token;
        }

        var handler = new SocketsHttpHandler { SslOptions = tls, AllowAutoRedirect = false };
        var http = new HttpClient(handler) { Timeout = DefaultTimeout };
        Func<HttpRequestMessage, CancellationToken, Task>? authorize = token is null
            ? null
            : (request, _) =>
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return Task.CompletedTask;
            };
        return new KubeRestClient(http, server, authorize, http);
    }

    /// <summary>A connection with no credentials: TLS unverified (<paramref name="trustedCa"/> null) or verified against the given CA only.</summary>
    public static KubeRestClient Anonymous(string server, X509Certificate2Collection? trustedCa, TimeSpan timeout)
    {
        var tls = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = trustedCa is null
                ? AcceptAnyCertificate
                : PinnedCaValidation.For(trustedCa),
        };
        var http = new HttpClient(new SocketsHttpHandler { SslOptions = tls, AllowAutoRedirect = false }) { Timeout = timeout };
        return new KubeRestClient(http, new Uri(server), null, http);
    }

    private static (ClusterEndpoint Cluster, UserCredentials? User) Resolve(K8SConfiguration kubeconfig, string name)
    {
        var contexts = kubeconfig.Contexts?.ToList() ?? [];
        var context = string.IsNullOrEmpty(kubeconfig.CurrentContext)
            ? (contexts.Count == 1 ? contexts[0] : null)
            : contexts.FirstOrDefault(c => c.Name == kubeconfig.CurrentContext);
        var clusters = kubeconfig.Clusters?.ToList() ?? [];
        var cluster = context is null
            ? (clusters.Count == 1 && string.IsNullOrEmpty(kubeconfig.CurrentContext) ? clusters[0] : null)
            : clusters.FirstOrDefault(c => c.Name == context.ContextDetails?.Cluster);
        if (cluster?.ClusterEndpoint is not { } endpoint)
        {
            throw Invalid(name, context is null
                ? $"it has no current context (current-context \"{kubeconfig.CurrentContext}\")"
                : $"context \"{context.Name}\" names cluster \"{context.ContextDetails?.Cluster}\", which it does not define");
        }

        var users = kubeconfig.Users?.ToList() ?? [];
        var user = context?.ContextDetails?.User is { Length: > 0 } userName
            ? users.FirstOrDefault(u => u.Name == userName)?.UserCredentials
            : null;
        return (endpoint, user);
    }

    private static byte[]? Bytes(string? data, string? path, Func<string, byte[]>? readFile, string name, string field)
    {
        if (!string.IsNullOrEmpty(data))
        {
            try
            {
                return Convert.FromBase64String(data);
            }
            catch (FormatException e)
            {
                throw new KubeadmUserException($"couldn't create a Kubernetes client from file \"{name}\": {field}-data is not base64: {e.Message}", e);
            }
        }

        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        if (readFile is null)
        {
            throw Invalid(name, $"{field} refers to file \"{path}\", which cannot be read here");
        }

        try
        {
            return readFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeadmUserException($"couldn't create a Kubernetes client from file \"{name}\": reading {field} \"{path}\": {e.Message}", e);
        }
    }

    private static X509Certificate2 ClientCertificate(byte[] certificate, byte[] key, string name)
    {
        try
        {
            return X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(certificate), Encoding.ASCII.GetString(key));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new KubeadmUserException($"couldn't create a Kubernetes client from file \"{name}\": the client certificate and key cannot be loaded: {e.Message}", e);
        }
    }

    // Only where the user asked for it (insecure-skip-tls-verify) or for join's first cluster-info read, whose content
    // is then proven by the token's JWS signature and the pinned CA hash before anything trusts it.
    private static bool AcceptAnyCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

    private static KubeadmUserException Invalid(string name, string problem) =>
        new($"couldn't create a Kubernetes client from file \"{name}\": {problem}");
}
#pragma warning restore CA5359
