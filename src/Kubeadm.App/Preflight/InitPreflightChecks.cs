using System.Net;
using System.Net.Sockets;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Preflight;

namespace Kubeadm.App.Preflight;

/// <summary>The checks `kubeadm init` runs, in kubeadm's order and with kubeadm's names (InitNodeChecks).</summary>
public static class InitPreflightChecks
{
    public const string PrivilegedUserCheckName = "IsPrivilegedUser";

    private static readonly string[] StaticPodComponents = ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd"];

    /// <summary>The root check, which the phase runs first on its own so that a non-root run stops there.</summary>
    public static PreflightCheck PrivilegedUser(IPreflightHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return PreflightCheck.Of(PrivilegedUserCheckName,
            () => host.IsPrivilegedUser ? CheckOutcome.Passed : CheckOutcome.Error("user is not running as root"));
    }

    /// <param name="inputs">The final configuration and the host.</param>
    /// <param name="secondaryControlPlane">
    /// A control-plane join (kubeadm's isSecondaryControlPlane): the node checks already ran, so the common checks,
    /// the kubelet port and the forwarding checks are left out.
    /// </param>
    public static IReadOnlyList<PreflightCheck> Create(PreflightInputs inputs, bool secondaryControlPlane = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var init = inputs.Config.Init;
        var cluster = inputs.Config.Cluster;
        var host = inputs.Host;
        var bindPort = init.LocalApiEndpoint.BindPort == 0 ? KubeadmConstants.DefaultApiServerBindPort : init.LocalApiEndpoint.BindPort;
        var proxies = new HttpProxySelector(inputs.GetEnvironmentVariable);
        var checks = new List<PreflightCheck>
        {
            PreflightCheck.Of("NumCPU", () => NodeResources.CheckCpus(host.ProcessorCount)),
            PreflightCheck.Of("Mem", () => NodeResources.CheckMemory(inputs.ReadText(NodeResources.MemInfoPath))),
            PreflightCheck.Of("KubernetesVersion", () => VersionRules.CheckKubernetesVersion(cluster.KubernetesVersion)),
            NodeChecks.Firewalld(host, [bindPort, KubeadmConstants.KubeletPort]),
            Port(host, bindPort),
            Port(host, KubeadmConstants.KubeSchedulerPort),
            Port(host, KubeadmConstants.KubeControllerManagerPort),
        };
        checks.AddRange(StaticPodComponents.Select(component => FileAvailable(inputs, $"{KubeadmConstants.ManifestsDir}/{component}.yaml")));
        checks.Add(PreflightCheck.Of("HTTPProxy", () => ProxyChecks.CheckAdvertiseAddress(proxies, init.LocalApiEndpoint.AdvertiseAddress)));

        var serviceCidrs = cluster.Networking.ServiceSubnet.Split(',');
        var podCidrs = cluster.Networking.PodSubnet.Split(',');
        checks.AddRange(serviceCidrs.Concat(podCidrs).Select(cidr => PreflightCheck.Of("HTTPProxyCIDR", () => ProxyChecks.CheckCidr(proxies, cidr))));

        if (!secondaryControlPlane)
        {
            checks.AddRange(NodeChecks.Common(inputs));
            checks.Add(Port(host, KubeadmConstants.KubeletPort));
            checks.AddRange(ForwardingChecks(inputs, serviceCidrs.Concat(podCidrs), init.LocalApiEndpoint.AdvertiseAddress));
        }

        if (cluster.Etcd.External is { } external)
        {
            checks.Add(ExternalEtcdVersionCheck.Create(inputs, external));
        }

        if (cluster.Etcd.Local is { } local)
        {
            checks.Add(Port(host, KubeadmConstants.EtcdClientPort));
            checks.Add(Port(host, KubeadmConstants.EtcdPeerPort));
            checks.Add(DirAvailable(inputs, string.IsNullOrEmpty(local.DataDir) ? KubeadmConstants.DefaultEtcdDataDir : local.DataDir));
        }

        if (cluster.Etcd.External is { } files && !(secondaryControlPlane && init.CertificateKey.Length > 0))
        {
            checks.AddRange(new[] { files.CaFile, files.CertFile, files.KeyFile }
                .Where(path => path.Length > 0)
                .Select(path => FileExisting(inputs, path, "ExternalEtcdClientCertificates")));
        }

        return checks;
    }

    public static PreflightCheck Port(IPreflightHost host, int port)
    {
        ArgumentNullException.ThrowIfNull(host);
        return PreflightCheck.Of($"Port-{port}", () => host.TryListen(port) is null ? CheckOutcome.Passed : CheckOutcome.Error($"Port {port} is in use"));
    }

    /// <summary>FileContent--proc-sys-net-ipv4-ip_forward (and the IPv6 one) for the address families in use.</summary>
    public static IEnumerable<PreflightCheck> ForwardingChecks(PreflightInputs inputs, IEnumerable<string> cidrs, string address)
    {
        var families = AddressFamilies(cidrs, address);
        if (families.Contains(AddressFamily.InterNetwork))
        {
            yield return FileContent(inputs, HostFileRules.IPv4ForwardPath, "1");
        }

        if (families.Contains(AddressFamily.InterNetworkV6))
        {
            yield return FileContent(inputs, HostFileRules.IPv6DefaultForwardingPath, "1");
        }
    }

    public static PreflightCheck FileAvailable(PreflightInputs inputs, string path) =>
        PreflightCheck.Of(HostFileRules.NameFor("FileAvailable", path),
            () => Exists(inputs, path) ? CheckOutcome.Error($"{path} already exists") : CheckOutcome.Passed);

    private static PreflightCheck FileExisting(PreflightInputs inputs, string path, string name) =>
        PreflightCheck.Of(name, () => Exists(inputs, path) ? CheckOutcome.Passed : CheckOutcome.Error($"{path} doesn't exist"));

    private static PreflightCheck DirAvailable(PreflightInputs inputs, string path) =>
        PreflightCheck.Of(HostFileRules.NameFor("DirAvailable", path), () =>
        {
            if (!Exists(inputs, path))
            {
                return CheckOutcome.Passed;
            }

            // A regular file in its place is "not empty" too, as kubeadm reads it as a directory and fails.
            return inputs.FileSystem.FileExists(path) || inputs.FileSystem.ListDirectory(path).Count > 0
                ? CheckOutcome.Error($"{path} is not empty")
                : CheckOutcome.Passed;
        });

    private static PreflightCheck FileContent(PreflightInputs inputs, string path, string expected) =>
        PreflightCheck.Of(HostFileRules.NameFor("FileContent", path),
            () => HostFileRules.CheckContent(path, inputs.ReadBytes(path), expected));

    private static bool Exists(PreflightInputs inputs, string path) =>
        inputs.FileSystem.FileExists(path) || inputs.FileSystem.DirectoryExists(path);

    private static HashSet<AddressFamily> AddressFamilies(IEnumerable<string> cidrs, string advertiseAddress)
    {
        var families = new HashSet<AddressFamily>();
        foreach (var cidr in cidrs)
        {
            var parts = cidr.Split('/');
            if (parts.Length == 2 && IPAddress.TryParse(parts[0], out var network))
            {
                families.Add(network.AddressFamily);
            }
        }

        if (IPAddress.TryParse(advertiseAddress, out var address))
        {
            families.Add(address.AddressFamily);
        }

        return families;
    }
}
