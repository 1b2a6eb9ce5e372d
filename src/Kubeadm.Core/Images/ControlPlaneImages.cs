using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Images;

/// <summary>The container images a control-plane node needs, in kubeadm's order (`kubeadm config images list`).</summary>
public static class ControlPlaneImages
{
    /// <summary>Every image for the (defaulted, version-resolved) cluster configuration.</summary>
    public static IReadOnlyList<string> List(ClusterConfiguration cluster, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var images = new List<string>
        {
            Component(cluster, "kube-apiserver"),
            Component(cluster, "kube-controller-manager"),
            Component(cluster, "kube-scheduler"),
        };
        if (!cluster.Proxy.Disabled)
        {
            images.Add(Component(cluster, "kube-proxy"));
        }

        if (!cluster.Dns.Disabled)
        {
            images.Add(CoreDns(cluster));
        }

        images.Add(Pause(cluster));
        if (cluster.Etcd.External is null)
        {
            images.Add(Etcd(cluster, warn));
        }

        return images;
    }

    /// <summary>A Kubernetes-built component image: `&lt;repo&gt;/&lt;name&gt;:&lt;version&gt;`.</summary>
    public static string Component(ClusterConfiguration cluster, string name)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var repository = cluster.KubernetesVersion.StartsWith("ci/", StringComparison.Ordinal)
            ? KubeadmConstants.DefaultCiImageRepository
            : cluster.ImageRepository;
        return $"{repository}/{name}:{ImageTag(cluster.KubernetesVersion)}";
    }

    public static string Pause(ClusterConfiguration cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return $"{cluster.ImageRepository}/pause:{ComponentVersions.Pause}";
    }

    public static string CoreDns(ClusterConfiguration cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);

        // The default registry keeps CoreDNS one level deeper (registry.k8s.io/coredns/coredns); a custom one does not.
        var repository = string.Equals(cluster.ImageRepository, KubeadmConstants.DefaultImageRepository, StringComparison.Ordinal)
            ? cluster.ImageRepository + "/coredns"
            : cluster.ImageRepository;
        if (cluster.Dns.ImageRepository.Length > 0)
        {
            repository = cluster.Dns.ImageRepository;
        }

        var tag = cluster.Dns.ImageTag.Length > 0 ? cluster.Dns.ImageTag : ComponentVersions.CoreDns;
        return $"{repository}/coredns:{tag}";
    }

    public static string Etcd(ClusterConfiguration cluster, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var local = cluster.Etcd.Local;
        var repository = local is { ImageRepository.Length: > 0 } ? local.ImageRepository : cluster.ImageRepository;
        var tag = local is { ImageTag.Length: > 0 } ? local.ImageTag : EtcdTagFor(cluster.KubernetesVersion, warn);
        return $"{repository}/etcd:{tag}";
    }

    /// <summary>The etcd tag kubeadm pins for a Kubernetes minor, falling back to the nearest known minor with a warning.</summary>
    public static string EtcdTagFor(string kubernetesVersion, Action<string>? warn = null)
    {
        var minor = MinorOf(kubernetesVersion);
        var table = ComponentVersions.EtcdByMinor;
        if (minor is { } m && table.TryGetValue(m, out var tag))
        {
            return tag;
        }

        var nearest = minor is { } n && n < table.Keys.Min() ? table.Keys.Min() : table.Keys.Max();
        warn?.Invoke(
            $"could not find officially supported version of etcd for Kubernetes {kubernetesVersion}, " +
            $"falling back to the nearest etcd version ({table[nearest]})");
        return table[nearest];
    }

    /// <summary>Image tags cannot contain '+', so kubeadm turns build metadata's '+' into '_'.</summary>
    public static string ImageTag(string kubernetesVersion) =>
        (kubernetesVersion.StartsWith("ci/", StringComparison.Ordinal) ? kubernetesVersion[3..] : kubernetesVersion)
            .Replace('+', '_');

    private static int? MinorOf(string version)
    {
        var parts = version.TrimStart('v').Split('.');
        return parts.Length >= 2 && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minor)
            ? minor
            : null;
    }
}
