using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Configuration.Defaulting;

/// <summary>
/// kubeadm's static v1beta4 JoinConfiguration defaults. Host-derived values (node name, CRI socket, advertise address,
/// the control-plane taint) are set by the join loader.
/// </summary>
public static class JoinConfigDefaults
{
    public const string DefaultCaCertPath = KubeadmConstants.DefaultCertificatesDir + "/ca.crt";

    public static void Apply(JoinConfiguration join)
    {
        ArgumentNullException.ThrowIfNull(join);
        if (join.CaCertPath.Length == 0)
        {
            join.CaCertPath = DefaultCaCertPath;
        }

        if (join.ControlPlane is { } controlPlane && controlPlane.LocalApiEndpoint.BindPort == 0)
        {
            controlPlane.LocalApiEndpoint.BindPort = KubeadmConstants.DefaultApiServerBindPort;
        }

        var discovery = join.Discovery;
        if (discovery.TlsBootstrapToken.Length == 0 && discovery.BootstrapToken is { } token)
        {
            discovery.TlsBootstrapToken = token.Token;
        }

        if (discovery.File is { } file && file.KubeConfigPath.StartsWith("file://", StringComparison.Ordinal))
        {
            file.KubeConfigPath = new Uri(file.KubeConfigPath).LocalPath;
        }

        var registration = join.NodeRegistration;
        if (registration.ImagePullPolicy.Length == 0)
        {
            registration.ImagePullPolicy = KubeadmConstants.DefaultImagePullPolicy;
        }

        registration.ImagePullSerial ??= true;
        ConfigDefaults.ApplyTimeouts(join.Timeouts);
    }
}
