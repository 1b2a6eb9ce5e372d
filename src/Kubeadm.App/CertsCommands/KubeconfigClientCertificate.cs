using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s.KubeConfigModels;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.CertsCommands;

/// <summary>
/// The client certificate embedded in a kubeconfig file, read and replaced the way kubeadm's renewal does: the current
/// context must name a cluster with embedded CA data and a user with an embedded client certificate. Replacing it keeps
/// every other field and refreshes the cluster's CA data from the CA on disk.
/// </summary>
public sealed class KubeconfigClientCertificate
{
    private readonly IFileSystem _fileSystem;
    private readonly K8SConfiguration _config;
    private readonly Cluster _cluster;
    private readonly User _user;

    private KubeconfigClientCertificate(IFileSystem fileSystem, string path, K8SConfiguration config, Cluster cluster, User user, X509Certificate2 certificate)
    {
        _fileSystem = fileSystem;
        Path = path;
        _config = config;
        _cluster = cluster;
        _user = user;
        Certificate = certificate;
    }

    public string Path { get; }

    /// <summary>The first certificate of client-certificate-data.</summary>
    public X509Certificate2 Certificate { get; }

    public static KubeconfigClientCertificate Read(IFileSystem fileSystem, string path)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        K8SConfiguration config;
        try
        {
            config = KubeconfigYamlReader.Read(fileSystem.ReadAllText(path), path);
        }
        catch (Exception e) when (e is KubeconfigFormatException or IOException or UnauthorizedAccessException)
        {
            throw new KubeadmUserException($"failed to load kubeConfig file {path}: {e.Message}", e);
        }

        var context = config.Contexts?.FirstOrDefault(c => c.Name == config.CurrentContext)
            ?? throw new KubeadmUserException($"invalid kubeConfig file {path}: missing context {config.CurrentContext}");
        var clusterName = context.ContextDetails?.Cluster ?? "";
        var cluster = config.Clusters?.FirstOrDefault(c => c.Name == clusterName)
            ?? throw new KubeadmUserException($"invalid kubeConfig file {path}: missing cluster {clusterName}");
        if (string.IsNullOrEmpty(cluster.ClusterEndpoint?.CertificateAuthorityData))
        {
            throw new KubeadmUserException($"kubeConfig file {path} does not have an embedded server certificate");
        }

        var userName = context.ContextDetails?.User ?? "";
        var user = config.Users?.FirstOrDefault(u => u.Name == userName)
            ?? throw new KubeadmUserException($"invalid kubeConfig file {path}: missing authInfo {userName}");
        var certificateData = user.UserCredentials?.ClientCertificateData;
        if (string.IsNullOrEmpty(certificateData))
        {
            throw new KubeadmUserException($"kubeConfig file {path} does not have an embedded client certificate");
        }

        try
        {
            var certificates = PemCodec.DecodeCertificates(Convert.FromBase64String(certificateData), path);
            return new KubeconfigClientCertificate(fileSystem, path, config, cluster, user, certificates[0]);
        }
        catch (PkiFileException e)
        {
            throw new KubeadmUserException($"kubeConfig file {path} does not contain a valid client certificate: {e.Message}", e);
        }
    }

    /// <summary>The embedded client key, or null when the file has none.</summary>
    public AsymmetricAlgorithm? LoadKey()
    {
        var data = _user.UserCredentials?.ClientKeyData;
        return string.IsNullOrEmpty(data) ? null : PemCodec.DecodePrivateKey(Convert.FromBase64String(data), Path);
    }

    /// <summary>Writes the file back (0600, atomically) with a new client certificate and key and the current CA.</summary>
    public void Replace(X509Certificate2 caCertificate, X509Certificate2 certificate, AsymmetricAlgorithm key)
    {
        ArgumentNullException.ThrowIfNull(caCertificate);
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(key);
        _cluster.ClusterEndpoint!.CertificateAuthorityData = Convert.ToBase64String(PemCodec.EncodeCertificates(caCertificate));
        var credentials = _user.UserCredentials!;
        credentials.ClientCertificateData = Convert.ToBase64String(PemCodec.EncodeCertificates(certificate));
        credentials.ClientKeyData = Convert.ToBase64String(PemCodec.EncodePrivateKey(key));
        _fileSystem.WriteAllText(Path, KubeconfigYamlWriter.Write(_config), FileModes.Private);
    }
}
