using k8s.KubeConfigModels;
using Kubeadm.Core.Pki;

namespace Kubeadm.Core.KubeConfig;

/// <summary>
/// The kubeconfig `kubeadm kubeconfig user` prints for an additional user: kubeadm's shape (cluster, user
/// &lt;client-name&gt;, context &lt;client-name&gt;@&lt;cluster&gt;) pointing at the control-plane endpoint, with
/// either a new client certificate signed by the cluster CA or a token.
/// </summary>
public static class UserKubeconfig
{
    /// <summary>A client certificate for CN <paramref name="clientName"/>, O <paramref name="organizations"/>, valid until <paramref name="notAfter"/>.</summary>
    public static K8SConfiguration WithClientCertificate(
        KubeconfigClusterSettings settings, string clientName, IReadOnlyList<string> organizations, KeyAndCertificate ca, IKeyGenerator keys, DateTimeOffset notAfter)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(ca);
        var spec = new CertificateSpec
        {
            CommonName = clientName,
            Organizations = organizations,
            ClientAuth = true,
            NotBefore = ca.Certificate.NotBefore.ToUniversalTime(),
            NotAfter = notAfter,
        };
        return KubeconfigFactory.WithNewClientCertificate(spec, Server(settings), settings, ca, keys);
    }

    /// <summary>A user that authenticates with <paramref name="token"/>; only the CA certificate is needed.</summary>
    public static K8SConfiguration WithToken(KubeconfigClusterSettings settings, string clientName, string token, ReadOnlySpan<byte> caPem)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = KubeconfigBuilder.Basic(Server(settings), settings.ClusterName, clientName, caPem);
        config.Users = [new User { Name = clientName, UserCredentials = new UserCredentials { Token = token } }];
        return config;
    }

    /// <summary>kubeadm's GetControlPlaneEndpoint: controlPlaneEndpoint when set, else this node's advertise address.</summary>
    private static string Server(KubeconfigClusterSettings settings) =>
        ApiServerUrl.For(KubeconfigServerKind.ControlPlaneEndpoint, settings.ControlPlaneEndpoint, settings.AdvertiseAddress, settings.BindPort);
}
