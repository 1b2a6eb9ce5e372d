namespace Kubeadm.Core.Host;

/// <summary>
/// Where <see cref="DryRunFileSystem"/> also copies each write so the user can inspect the files (kubeadm's "dry-run
/// directory"). As kubeadm does, the directories it redirects (certificates, kubeconfigs, manifests, kubelet files)
/// land flat in <see cref="Root"/>: <c>/etc/kubernetes/pki/etcd/ca.crt</c> becomes <c>&lt;Root&gt;/etcd/ca.crt</c>,
/// <c>/etc/kubernetes/manifests/etcd.yaml</c> becomes <c>&lt;Root&gt;/etcd.yaml</c>. Any other host path keeps its full
/// path under the root.
/// </summary>
public sealed record DryRunMirror
{
    private readonly string[] _flatDirectories;

    /// <param name="fileSystem">The real file system the copies go to.</param>
    /// <param name="root">An absolute host directory other than <c>/</c>, e.g. <c>/etc/kubernetes/tmp/kubeadm-init-dryrun123</c>.</param>
    /// <param name="flatDirectories">Host directories whose content goes straight into the root.</param>
    public DryRunMirror(IFileSystem fileSystem, string root, IEnumerable<string>? flatDirectories = null)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        FileSystem = fileSystem;
        Root = HostPathSyntax.Normalize(root);
        if (Root == HostPathSyntax.Root)
        {
            throw new ArgumentException("the dry-run mirror directory must not be \"/\"", nameof(root));
        }

        // Longest first, so /etc/kubernetes/manifests wins over /etc/kubernetes for a manifest.
        _flatDirectories = [.. (flatDirectories ?? []).Select(HostPathSyntax.Normalize).Distinct(StringComparer.Ordinal).OrderByDescending(d => d.Length)];
    }

    public IFileSystem FileSystem { get; }

    public string Root { get; }

    /// <summary>Where the copy of a host path goes (a flattened directory itself maps to the root).</summary>
    public string PathOf(string hostPath)
    {
        var normalized = HostPathSyntax.Normalize(hostPath);
        var flat = _flatDirectories.FirstOrDefault(directory => HostPathSyntax.IsSameOrUnder(normalized, directory));
        if (flat is null)
        {
            return Root + normalized;
        }

        return normalized.Length == flat.Length ? Root : HostPathSyntax.Join(Root, normalized[(flat.Length + (flat == HostPathSyntax.Root ? 0 : 1))..]);
    }
}
