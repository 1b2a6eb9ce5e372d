using System.Net;
using System.Net.Sockets;
using Kubeadm.Core.BootstrapTokens;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Init;

/// <summary>
/// The defaults that come from the host rather than from the API: node name, advertise address, CRI socket,
/// the Kubernetes version a label stands for, the control-plane taint and generated bootstrap tokens.
/// </summary>
public sealed class DynamicDefaults
{
    private readonly IFileSystem _fileSystem;
    private readonly IHostInfo _host;
    private readonly IRandomSource _random;
    private readonly Action<string> _warn;

    public DynamicDefaults(IFileSystem fileSystem, IHostInfo host, IRandomSource random, Action<string> warn)
    {
        _fileSystem = fileSystem;
        _host = host;
        _random = random;
        _warn = warn;
    }

    public void Apply(KubeadmConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var registration = config.Init.NodeRegistration;
        if (registration.Name.Length == 0)
        {
            registration.Name = _host.GetHostname().Trim().ToLowerInvariant();
        }

        registration.Taints ??= [new Taint(KubeadmConstants.ControlPlaneLabel, "", "NoSchedule")];
        if (registration.CriSocket.Length == 0)
        {
            registration.CriSocket = Runtime.CriSocketDetector.Detect(_fileSystem);
        }

        ApplyAdvertiseAddress(config.Init.LocalApiEndpoint);
        config.Cluster.KubernetesVersion = KubernetesVersionResolver.Resolve(config.Cluster.KubernetesVersion, out var warning);
        if (warning is not null)
        {
            _warn(warning);
        }

        foreach (var token in config.Init.BootstrapTokens.Where(t => t.Token.Length == 0))
        {
            token.Token = BootstrapTokenGenerator.Generate(_random);
        }
    }

    /// <summary>An empty or unspecified (0.0.0.0, ::) advertise address becomes the default-route interface's address.</summary>
    public void ApplyAdvertiseAddress(ApiEndpoint endpoint)
    {
        if (endpoint.AdvertiseAddress.Length > 0
            && (!IPAddress.TryParse(endpoint.AdvertiseAddress, out var given)
                || !(given.Equals(IPAddress.Any) || given.Equals(IPAddress.IPv6Any))))
        {
            return;
        }

        var family = endpoint.AdvertiseAddress.Contains(':', StringComparison.Ordinal)
            ? AddressFamily.InterNetworkV6
            : AddressFamily.InterNetwork;
        var detected = _host.GetDefaultRouteAddress(family)
            ?? throw new KubeadmUserException(
                "unable to select an IP from the default-route interface: no default route with a global unicast address was found; " +
                "set --apiserver-advertise-address or localAPIEndpoint.advertiseAddress");
        endpoint.AdvertiseAddress = detected.ToString();
    }

    /// <summary>The one known CRI socket present on the host, the default when there is none; several is an error.</summary>
    public string DetectCriSocket() => Runtime.CriSocketDetector.Detect(_fileSystem);
}
