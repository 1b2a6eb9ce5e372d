using System.Globalization;
using k8s.Models;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Images;

namespace Kubeadm.Core.ControlPlane;

/// <summary>The kube-apiserver static pod, as `kubeadm init phase control-plane apiserver` writes it.</summary>
public static class ApiServerPodBuilder
{
    public const string AdvertiseAddressEndpointAnnotation = "kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint";
    private static readonly string[] DefaultAuthorizationModes = ["Node", "RBAC"];
    private static readonly string[] KnownAuthorizationModes = ["Node", "RBAC", "Webhook", "ABAC", "AlwaysAllow", "AlwaysDeny"];

    public static V1Pod Build(KubeadmConfig config, StaticPodHostFacts host, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(host);
        var cluster = config.Cluster;
        var endpoint = config.Init.LocalApiEndpoint;
        var bindPort = BindPort(endpoint);
        var probeHost = ProbeHost(endpoint.AdvertiseAddress);
        var timeout = config.Init.Timeouts.ControlPlaneComponentHealthCheck ?? KubeadmConstants.ControlPlaneComponentHealthCheckTimeout;
        var volumes = ControlPlaneVolumes.ForApiServer(cluster, host);

        var container = new V1Container
        {
            Name = ComponentNames.ApiServer,
            Image = ControlPlaneImages.Component(cluster, ComponentNames.ApiServer),
            Command = [ComponentNames.ApiServer, .. Command(config, warn)],
            Ports = [PodProbes.Port(bindPort)],
            VolumeMounts = [.. volumes.Mounts],
            LivenessProbe = PodProbes.Liveness(probeHost, "/livez", "HTTPS"),
            ReadinessProbe = PodProbes.Readiness(probeHost, "/readyz", "HTTPS"),
            StartupProbe = PodProbes.Startup(probeHost, "/livez", "HTTPS", timeout),
            Resources = ComponentPod.Requests("250m"),
            Env = ContainerEnvironment.ToModel(ProxyEnvironment.Merge(host.ProxyEnvironment, cluster.ApiServer.ExtraEnvs)),
        };
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AdvertiseAddressEndpointAnnotation] = HostPort.Join(endpoint.AdvertiseAddress, bindPort),
        };
        return ComponentPod.Create(container, volumes.Volumes, annotations);
    }

    /// <summary>The flags after the binary name: kubeadm's defaults merged with apiServer.extraArgs.</summary>
    public static IReadOnlyList<string> Command(KubeadmConfig config, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var cluster = config.Cluster;
        var endpoint = config.Init.LocalApiEndpoint;
        var certs = cluster.CertificatesDir;
        var defaults = new List<Arg>
        {
            new("advertise-address", endpoint.AdvertiseAddress),
            new("enable-admission-plugins", "NodeRestriction"),
            new("service-cluster-ip-range", cluster.Networking.ServiceSubnet),
            new("service-account-key-file", ConfigPaths.Join(certs, "sa.pub")),
            new("service-account-signing-key-file", ConfigPaths.Join(certs, "sa.key")),
            new("service-account-issuer", $"https://kubernetes.default.svc.{cluster.Networking.DnsDomain}"),
            new("client-ca-file", ConfigPaths.Join(certs, "ca.crt")),
            new("tls-cert-file", ConfigPaths.Join(certs, "apiserver.crt")),
            new("tls-private-key-file", ConfigPaths.Join(certs, "apiserver.key")),
            new("kubelet-client-certificate", ConfigPaths.Join(certs, "apiserver-kubelet-client.crt")),
            new("kubelet-client-key", ConfigPaths.Join(certs, "apiserver-kubelet-client.key")),
            new("enable-bootstrap-token-auth", "true"),
            new("secure-port", BindPort(endpoint).ToString(CultureInfo.InvariantCulture)),
            new("allow-privileged", "true"),
            new("kubelet-preferred-address-types", "InternalIP,ExternalIP,Hostname"),
            new("requestheader-username-headers", "X-Remote-User"),
            new("requestheader-group-headers", "X-Remote-Group"),
            new("requestheader-extra-headers-prefix", "X-Remote-Extra-"),
            new("requestheader-client-ca-file", ConfigPaths.Join(certs, "front-proxy-ca.crt")),
            new("requestheader-allowed-names", "front-proxy-client"),
            new("proxy-client-cert-file", ConfigPaths.Join(certs, "front-proxy-client.crt")),
            new("proxy-client-key-file", ConfigPaths.Join(certs, "front-proxy-client.key")),
        };
        AddEtcdArguments(defaults, config);

        var extraArgs = cluster.ApiServer.ExtraArgs;
        if (ArgumentList.LastValue(extraArgs, "authorization-config") is null)
        {
            ArgumentList.Set(defaults, "authorization-mode", AuthorizationModes(ArgumentList.LastValue(extraArgs, "authorization-mode"), warn));
        }

        return ArgumentList.ToCommand(defaults, extraArgs);
    }

    /// <summary>The probe host: the advertise address, none for a wildcard address (the kubelet then uses the pod IP).</summary>
    public static string ProbeHost(string advertiseAddress) => advertiseAddress switch
    {
        "" => "127.0.0.1",
        "0.0.0.0" or "::" => "",
        _ => advertiseAddress,
    };

    private static int BindPort(ApiEndpoint endpoint) => endpoint.BindPort != 0 ? endpoint.BindPort : KubeadmConstants.DefaultApiServerBindPort;

    private static void AddEtcdArguments(List<Arg> defaults, KubeadmConfig config)
    {
        var cluster = config.Cluster;
        if (cluster.Etcd.External is { } external)
        {
            ArgumentList.Set(defaults, "etcd-servers", string.Join(',', external.Endpoints));
            if (external.CaFile.Length > 0)
            {
                ArgumentList.Set(defaults, "etcd-cafile", external.CaFile);
            }

            if (external.CertFile.Length > 0 && external.KeyFile.Length > 0)
            {
                ArgumentList.Set(defaults, "etcd-certfile", external.CertFile);
                ArgumentList.Set(defaults, "etcd-keyfile", external.KeyFile);
            }

            return;
        }

        var loopback = HostPort.LoopbackFor(config.Init.LocalApiEndpoint.AdvertiseAddress);
        var servers = "https://" + HostPort.Join(loopback, KubeadmConstants.EtcdClientPort);
        if (cluster.Etcd.Local is { } local && ArgumentList.LastValue(local.ExtraArgs, "advertise-client-urls") is { } advertised)
        {
            servers = advertised;
        }

        ArgumentList.Set(defaults, "etcd-servers", servers);
        ArgumentList.Set(defaults, "etcd-cafile", ConfigPaths.Join(cluster.CertificatesDir, "etcd/ca.crt"));
        ArgumentList.Set(defaults, "etcd-certfile", ConfigPaths.Join(cluster.CertificatesDir, "apiserver-etcd-client.crt"));
        ArgumentList.Set(defaults, "etcd-keyfile", ConfigPaths.Join(cluster.CertificatesDir, "apiserver-etcd-client.key"));
    }

    private static string AuthorizationModes(string? requested, Action<string>? warn)
    {
        var defaultModes = string.Join(',', DefaultAuthorizationModes);
        if (string.IsNullOrEmpty(requested))
        {
            return defaultModes;
        }

        var modes = new List<string>();
        foreach (var mode in requested.Split(','))
        {
            if (KnownAuthorizationModes.Contains(mode, StringComparer.Ordinal))
            {
                modes.Add(mode);
            }
            else
            {
                warn?.Invoke($"ignoring unknown kube-apiserver authorization-mode \"{mode}\"");
            }
        }

        if (modes.Count == 0)
        {
            return defaultModes;
        }

        var chosen = string.Join(',', modes);
        if (!string.Equals(chosen, defaultModes, StringComparison.Ordinal))
        {
            warn?.Invoke($"the default kube-apiserver authorization-mode is \"{defaultModes}\"; using \"{chosen}\"");
        }

        return chosen;
    }
}
