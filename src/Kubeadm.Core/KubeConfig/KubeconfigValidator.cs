using k8s.KubeConfigModels;
using Kubeadm.Core.Errors;

namespace Kubeadm.Core.KubeConfig;

/// <summary>
/// kubeadm's check of a kubeconfig file that already exists: its current context must name a cluster whose CA
/// (whitespace-trimmed; read from the certificate-authority file when no data is embedded) is the expected CA.
/// A different CA is an error; a different server URL is only a warning. The credentials are not checked.
/// </summary>
public static class KubeconfigValidator
{
    /// <summary>Throws <see cref="KubeadmUserException"/> when the file cannot be reused; returns the warnings otherwise.</summary>
    /// <param name="existing">The parsed existing file.</param>
    /// <param name="path">Its host path, for messages and to resolve a relative certificate-authority path.</param>
    /// <param name="expectedCaPem">The PEM of the CA the file must trust.</param>
    /// <param name="expectedServer">The API server URL kubeadm would write.</param>
    /// <param name="readFile">Reads a host file (the certificate-authority fallback).</param>
    public static IReadOnlyList<string> Validate(
        K8SConfiguration existing, string path, ReadOnlySpan<byte> expectedCaPem, string expectedServer, Func<string, byte[]> readFile)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(readFile);
        var context = existing.Contexts?.FirstOrDefault(c => c.Name == existing.CurrentContext)
            ?? throw new KubeadmUserException($"failed to find CurrentContext in Contexts of the kubeconfig file {path}");
        var clusterName = context.ContextDetails?.Cluster;
        var cluster = existing.Clusters?.FirstOrDefault(c => c.Name == clusterName)
            ?? throw new KubeadmUserException($"failed to find the given CurrentContext Cluster in Clusters of the kubeconfig file {path}");

        var warnings = new List<string>();
        var endpoint = cluster.ClusterEndpoint ?? new ClusterEndpoint();
        var currentCa = Trim(string.IsNullOrEmpty(endpoint.CertificateAuthorityData) ? [] : Convert.FromBase64String(endpoint.CertificateAuthorityData));
        if (currentCa.Length == 0 && !string.IsNullOrEmpty(endpoint.CertificateAuthority))
        {
            var caPath = ResolveRelativeTo(path, endpoint.CertificateAuthority);
            try
            {
                currentCa = Trim(readFile(caPath));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                warnings.Add($"failed to load CA cert from \"{caPath}\" for kubeconfig \"{path}\", {e.Message}");
            }
        }

        if (!currentCa.AsSpan().SequenceEqual(Trim(expectedCaPem.ToArray())))
        {
            throw new KubeadmUserException($"a kubeconfig file \"{path}\" exists already but has got the wrong CA cert");
        }

        if (!string.Equals(endpoint.Server ?? "", expectedServer, StringComparison.Ordinal))
        {
            warnings.Add(
                $"a kubeconfig file \"{path}\" exists already but has an unexpected API Server URL: expected: {expectedServer}, got: {endpoint.Server}");
        }

        return warnings;
    }

    /// <summary>clientcmd resolves relative file references against the kubeconfig file's directory.</summary>
    private static string ResolveRelativeTo(string kubeconfigPath, string reference)
    {
        if (reference.StartsWith('/'))
        {
            return reference;
        }

        var directory = kubeconfigPath[..(kubeconfigPath.LastIndexOf('/') + 1)];
        return directory + reference;
    }

    private static byte[] Trim(byte[] bytes) => bytes.AsSpan().Trim(" \t\n\r\v\f"u8).ToArray();
}
