using System.Net.Http.Headers;
using k8s.KubeConfigModels;
using Kubeadm.Core.BootstrapTokens;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Join;
using Kubeadm.Core.KubeConfig;

namespace Kubeadm.App.Join;

/// <summary>
/// kubeadm's discovery: find the cluster and decide to trust it, by bootstrap token (JWS + CA pins + a second fetch
/// over the pinned CA) or by a kubeconfig file / https URL, then build the TLS bootstrap kubeconfig. Every failure is
/// "couldn't validate the identity of the API Server: …".
/// </summary>
public sealed class JoinDiscovery
{
    public const string TlsBootstrapUser = "tls-bootstrap-token-user";
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Beyond kubeadm (which polls until the discovery timeout): once the API server answers, a token whose signature
    /// is still missing after this long is unknown or expired (the bootstrap signer adds a new token's signature within
    /// seconds), so discovery fails fast with kubeadm's "invalid or expired" message instead of waiting 5 minutes.
    /// </summary>
    public static readonly TimeSpan SignatureGrace = TimeSpan.FromSeconds(15);

    private readonly IClusterInfoSource _source;
    private readonly TimeProvider _clock;
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly Func<string, byte[]> _readUserFile;
    private readonly int _verbosity;

    public JoinDiscovery(IClusterInfoSource source, TimeProvider clock, TextWriter output, TextWriter error, Func<string, byte[]> readUserFile, int verbosity)
    {
        _source = source;
        _clock = clock;
        _out = output;
        _err = error;
        _readUserFile = readUserFile;
        _verbosity = verbosity;
    }

    /// <summary>The TLS bootstrap kubeconfig: the discovered cluster (named "kubernetes") with the TLS bootstrap token.</summary>
    public async Task<K8SConfiguration> DiscoverAsync(JoinConfiguration join, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(join);
        var timeout = join.Timeouts.Discovery ?? KubeadmConstants.DiscoveryTimeout;
        try
        {
            if (join.Discovery.BootstrapToken is { } token)
            {
                var cluster = await TokenAsync(token, timeout, cancellationToken).ConfigureAwait(false);
                return TlsBootstrapKubeconfig(cluster, join.Discovery.TlsBootstrapToken);
            }

            var file = join.Discovery.File ?? throw new KubeadmUserException("discovery: bootstrapToken or file must be set");
            var (kubeconfig, fileCluster) = await FileAsync(file.KubeConfigPath, timeout, cancellationToken).ConfigureAwait(false);
            return join.Discovery.TlsBootstrapToken.Length > 0 ? TlsBootstrapKubeconfig(fileCluster, join.Discovery.TlsBootstrapToken) : kubeconfig;
        }
        catch (KubeadmUserException e)
        {
            throw new KubeadmUserException($"couldn't validate the identity of the API Server: {e.Message}", e);
        }
    }

    private async Task<ClusterEndpoint> TokenAsync(BootstrapTokenDiscovery discovery, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!BootstrapTokenString.TryParse(discovery.Token, out var token))
        {
            throw new KubeadmUserException("the bootstrap token is invalid");
        }

        var server = "https://" + discovery.ApiServerEndpoint;
        var deadline = _clock.GetUtcNow() + timeout;
        _out.WriteLine($"[discovery] Trying to connect to API Server \"{discovery.ApiServerEndpoint}\"");
        var data = await PollAsync(server, null, token, deadline, cancellationToken).ConfigureAwait(false);
        var kubeconfig = ClusterInfoTrust.VerifySignedKubeconfig(data, token);
        var cluster = ClusterInfoTrust.ParseCluster(kubeconfig);
        if (discovery.CaCertHashes.Count == 0)
        {
            _out.WriteLine($"[discovery] Cluster info signature and contents are valid and no TLS pinning was specified, will use API Server \"{discovery.ApiServerEndpoint}\"");
            return cluster;
        }

        var ca = ClusterInfoTrust.CaCertificates(cluster);
        ClusterInfoTrust.RequirePinned(ca, discovery.CaCertHashes);
        _out.WriteLine($"[discovery] Cluster info signature and contents are valid and the CA is pinned; re-fetching cluster-info over the pinned CA from \"{discovery.ApiServerEndpoint}\"");
        var second = await PollAsync(server, ca, null, deadline, cancellationToken).ConfigureAwait(false);
        ClusterInfoTrust.RequireSameKubeconfig(kubeconfig, second);
        _out.WriteLine($"[discovery] Successfully established connection with API Server \"{discovery.ApiServerEndpoint}\"");
        return cluster;
    }

    /// <summary>
    /// Asks for cluster-info at once, then every 5 s until it answers (and, for the insecure fetch, carries this token's
    /// signature) or the discovery timeout passes; on timeout the last error is the error, as in kubeadm.
    /// </summary>
    private async Task<IDictionary<string, string>?> PollAsync(
        string server, System.Security.Cryptography.X509Certificates.X509Certificate2Collection? ca, BootstrapTokenString? token,
        DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        DateTimeOffset? answeredWithoutSignature = null;
        while (true)
        {
            string error;
            try
            {
                var data = await _source.GetAsync(server, ca, cancellationToken).ConfigureAwait(false);
                if (token is null || (data is not null && data.ContainsKey(ClusterInfoSignature.KeyFor(token.Id))))
                {
                    return data;
                }

                error = $"could not find a JWS signature in the cluster-info ConfigMap for token ID \"{token.Id}\"";
                if (data is null || !data.ContainsKey(ClusterInfoConfigMap.KubeconfigKey))
                {
                    // No kubeconfig at all: not a kubeadm cluster; waiting does not help.
                    return data;
                }

                answeredWithoutSignature ??= _clock.GetUtcNow();
                if (_clock.GetUtcNow() - answeredWithoutSignature >= SignatureGrace)
                {
                    return data;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                error = $"failed to request the cluster-info ConfigMap: {Describe(e)}";
            }

            var remaining = deadline - _clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                throw new DiscoveryException(error);
            }

            _err.WriteLine($"[discovery] {error}; retrying in {RetryInterval.TotalSeconds:0}s");
            await Task.Delay(remaining < RetryInterval ? remaining : RetryInterval, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(K8SConfiguration Kubeconfig, ClusterEndpoint Cluster)> FileAsync(string location, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var text = location.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? await DownloadAsync(location, cancellationToken).ConfigureAwait(false)
            : System.Text.Encoding.UTF8.GetString(_readUserFile(location));

        K8SConfiguration kubeconfig;
        try
        {
            kubeconfig = KubeconfigYamlReader.Read(text, location);
        }
        catch (KubeconfigFormatException e)
        {
            throw new KubeadmUserException($"error loading config file \"{location}\": {string.Join("; ", e.Problems)}", e);
        }

        if (kubeconfig.Clusters?.FirstOrDefault() is null)
        {
            throw new KubeadmUserException("the provided kubeconfig file must have at least one Cluster defined");
        }

        var cluster = CurrentClusterOrFirst(kubeconfig)
            ?? throw new KubeadmUserException("the provided kubeconfig file is malformed");
        if (string.IsNullOrEmpty(cluster.CertificateAuthorityData) && !string.IsNullOrEmpty(cluster.CertificateAuthority))
        {
            cluster.CertificateAuthorityData = Convert.ToBase64String(_readUserFile(cluster.CertificateAuthority));
            cluster.CertificateAuthority = null;
        }

        EmbedCredentialFiles(kubeconfig);

        // Refresh from cluster-info over the file's CA: a missing CA is taken from there; other differences only warn.
        if (!string.IsNullOrEmpty(cluster.CertificateAuthorityData))
        {
            var ca = ClusterInfoTrust.CaCertificates(cluster);
            var deadline = _clock.GetUtcNow() + timeout;
            try
            {
                var data = await PollAsync(cluster.Server, ca, null, deadline, cancellationToken).ConfigureAwait(false);
                if (data is not null && data.TryGetValue(ClusterInfoConfigMap.KubeconfigKey, out var refreshed))
                {
                    var fromCluster = ClusterInfoTrust.ParseCluster(refreshed);
                    if (!string.Equals(fromCluster.Server, cluster.Server, StringComparison.Ordinal))
                    {
                        _err.WriteLine($"[discovery] WARNING: the API server in the discovery file ({cluster.Server}) differs from the one in cluster-info ({fromCluster.Server}); using the file's");
                    }
                }
            }
            catch (DiscoveryException e) when (e.Message.Contains("Forbidden", StringComparison.OrdinalIgnoreCase))
            {
                _err.WriteLine("[discovery] Could not access the cluster-info ConfigMap for refreshing the cluster-info information, but the TLS cert is valid so proceeding...");
            }
        }

        if (_verbosity >= 1)
        {
            _out.WriteLine($"[discovery] Using the API server {cluster.Server} from the discovery file {location}");
        }

        return (kubeconfig, cluster);
    }

    /// <summary>One GET (no retry, as kubeadm), the TLS connection verified against the host's CA bundle only.</summary>
    private static async Task<string> DownloadAsync(string location, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = KubernetesClusterInfoSource.RequestTimeout };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        try
        {
            using var response = await http.GetAsync(new Uri(location), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
            {
                throw new KubeadmUserException($"error trying to fetch discovery kubeconfig over HTTPS from {location}, received status {(int)response.StatusCode}");
            }

            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new KubeadmUserException($"Get \"{location}\": {Describe(e)}", e);
        }
    }

    /// <summary>
    /// As kubeadm: a discovery file's client certificate and key files are embedded, so that bootstrap-kubelet.conf,
    /// written from it when no TLS bootstrap token is given, stands on its own.
    /// </summary>
    private void EmbedCredentialFiles(K8SConfiguration kubeconfig)
    {
        foreach (var credentials in (kubeconfig.Users ?? []).Select(u => u.UserCredentials).OfType<UserCredentials>())
        {
            if (!string.IsNullOrEmpty(credentials.ClientCertificate))
            {
                credentials.ClientCertificateData = Convert.ToBase64String(_readUserFile(credentials.ClientCertificate));
                credentials.ClientCertificate = null;
            }

            if (!string.IsNullOrEmpty(credentials.ClientKey))
            {
                credentials.ClientKeyData = Convert.ToBase64String(_readUserFile(credentials.ClientKey));
                credentials.ClientKey = null;
            }
        }
    }

    private static ClusterEndpoint? CurrentClusterOrFirst(K8SConfiguration kubeconfig)
    {
        var contextName = kubeconfig.CurrentContext;
        var clusterName = kubeconfig.Contexts?.FirstOrDefault(c => c.Name == contextName)?.ContextDetails?.Cluster;
        var cluster = kubeconfig.Clusters?.FirstOrDefault(c => c.Name == clusterName) ?? kubeconfig.Clusters?.FirstOrDefault();
        return cluster?.ClusterEndpoint;
    }

    /// <summary>Cluster "kubernetes" with the discovered server and CA, user tls-bootstrap-token-user authenticating with the token.</summary>
    public static K8SConfiguration TlsBootstrapKubeconfig(ClusterEndpoint cluster, string tlsBootstrapToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var caPem = string.IsNullOrEmpty(cluster.CertificateAuthorityData) ? [] : Convert.FromBase64String(cluster.CertificateAuthorityData);
        var kubeconfig = KubeconfigBuilder.Basic(cluster.Server, KubeadmConstants.DefaultClusterName, TlsBootstrapUser, caPem);
        kubeconfig.Users = [new User { Name = TlsBootstrapUser, UserCredentials = new UserCredentials { Token = tlsBootstrapToken } }];
        return kubeconfig;
    }

    private static string Describe(Exception e) => e switch
    {
        Kubeadm.App.ClusterApi.KubeApiStatusException status => $"{status.StatusCode} {status.ReasonPhrase}: {status.Content}",
        OperationCanceledException => "the request timed out",
        _ when e.InnerException is { } inner => $"{e.Message} ({inner.Message})",
        _ => e.Message,
    };
}
