using Kubeadm.App.Init;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.KubeConfig;

namespace Kubeadm.App.KubeConfig;

/// <summary>
/// `kubeadm kubeconfig user`: prints (never writes) a kubeconfig for an additional user of the cluster described
/// by --config (or the defaults), signed by the CA in its certificatesDir or carrying the given token.
/// </summary>
public static class UserKubeconfigCommand
{
    public static async Task RunAsync(InitEnvironment environment, UserKubeconfigOptions options)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        var fileSystem = environment.FileSystemFor(options.Rootfs);
        var loader = new InitConfigurationLoader(
            fileSystem, environment.HostInfoFor(fileSystem), environment.Random, Warn, environment.ReadUserFile);
        var config = loader.Load(new InitOptions
        {
            ConfigPath = options.ConfigPath,
            // As in `kubeadm certs`: without a file the defaults name this build's version, so nothing is looked up.
            KubernetesVersion = options.ConfigPath is null ? KubeadmVersion.Current : null,
            Rootfs = options.Rootfs,
            Verbosity = options.Verbosity,
        }).Config;

        if (options.ValidityPeriod > KubeadmConstants.CertificateValidityPeriod)
        {
            Warn($"the specified certificate validity period {GoDuration.Format(options.ValidityPeriod)} is longer than the default duration "
                + $"{GoDuration.Format(KubeadmConstants.CertificateValidityPeriod)}, this may increase security risks.");
        }

        var settings = KubeconfigClusterSettings.From(config) with { CertificateValidity = options.ValidityPeriod };
        var certificatesDir = config.Cluster.CertificatesDir;
        k8s.KubeConfigModels.K8SConfiguration kubeconfig;
        try
        {
            if (options.Token.Length > 0)
            {
                using var caCertificate = ClusterCa.LoadCertificate(fileSystem, certificatesDir);
                kubeconfig = UserKubeconfig.WithToken(settings, options.ClientName, options.Token, Kubeadm.Core.Pki.PemCodec.EncodeCertificates(caCertificate));
            }
            else
            {
                var ca = ClusterCa.LoadWithKey(fileSystem, certificatesDir);
                try
                {
                    kubeconfig = UserKubeconfig.WithClientCertificate(
                        settings, options.ClientName, options.Organizations, ca, environment.KeyGenerator, environment.Clock.GetUtcNow() + options.ValidityPeriod);
                }
                finally
                {
                    ca.Certificate.Dispose();
                    ca.Key?.Dispose();
                }
            }
        }
        catch (Exception e) when (e is KubeadmUserException or IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new KubeadmUserException($"couldn't create a kubeconfig; the CA files couldn't be loaded: {e.Message}", e);
        }

        // kubeadm prints the document followed by an empty line.
        await environment.Out.WriteLineAsync(KubeconfigYamlWriter.Write(kubeconfig)).ConfigureAwait(false);

        void Warn(string message) => environment.Err.WriteLine(message.StartsWith('[') ? message : $"WARNING: {message}");
    }
}
