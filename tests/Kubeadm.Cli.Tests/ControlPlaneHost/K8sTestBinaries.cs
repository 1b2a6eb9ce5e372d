namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>
/// Where the control-plane binaries built by scripts/k8s-test-binaries.sh live (a cache outside the repository),
/// plus the Debian etcd and kubectl. Keep <see cref="PackageVersion"/> and the default cache root in step with the script.
/// </summary>
internal static class K8sTestBinaries
{
    /// <summary>Debian bookworm's kubernetes source package the binaries are built from (reports v1.20.2).</summary>
    public const string PackageVersion = "1.20.5+really1.20.2-1.1+deb12u1";

    public const string GitVersion = "v1.20.2";

    public const string EtcdBinary = "/usr/bin/etcd";

    public static readonly string[] Components = ["kube-apiserver", "kube-controller-manager", "kube-scheduler"];

    /// <summary>KUBEADM_K8S_BIN, else $KUBEADM_K8S_CACHE (default /var/cache/kubeadm-dotnet)/k8s-&lt;version&gt;/bin.</summary>
    public static string BinDir =>
        Environment.GetEnvironmentVariable("KUBEADM_K8S_BIN") is { Length: > 0 } bin
            ? bin
            : Path.Combine(CacheRoot, "k8s-" + PackageVersion, "bin");

    /// <summary>
    /// KUBEADM_K8S_VERSIONED_BIN, else $KUBEADM_K8S_CACHE/k8s-&lt;version&gt;-versioned/bin: one directory per version
    /// stamp (v1.33.5/, v1.34.2/) holding kube-apiserver, kube-controller-manager and kube-scheduler built from the same
    /// source with that version string (scripts/k8s-versioned-binaries.sh).
    /// </summary>
    public static string VersionedBinRoot =>
        Environment.GetEnvironmentVariable("KUBEADM_K8S_VERSIONED_BIN") is { Length: > 0 } bin
            ? bin
            : Path.Combine(CacheRoot, "k8s-" + PackageVersion + "-versioned", "bin");

    /// <summary>The version stamps scripts/k8s-versioned-binaries.sh builds by default: one minor below kubeadm's own version, and kubeadm's own.</summary>
    public static readonly string[] VersionStamps = ["v1.33.5", "v1.34.2"];

    /// <summary>The directory of one version stamp's binaries.</summary>
    public static string VersionedBinDir(string version) => Path.Combine(VersionedBinRoot, version);

    /// <summary>$KUBEADM_K8S_CACHE, default /var/cache/kubeadm-dotnet (outside the repository).</summary>
    public static string CacheRoot =>
        Environment.GetEnvironmentVariable("KUBEADM_K8S_CACHE") is { Length: > 0 } cache ? cache : "/var/cache/kubeadm-dotnet";

    public static string Kubectl => FindOnPath("kubectl") ?? "/usr/bin/kubectl";

    /// <summary>True under CI=true: missing binaries fail the control-plane tests instead of skipping them.</summary>
    public static bool MustRun => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>Throws (failing the test) when something the control-plane tests need is missing.</summary>
    public static void Require()
    {
        if (MissingReason() is { } reason)
        {
            throw new InvalidOperationException(reason);
        }
    }

    /// <summary>Null when everything the control-plane tests need is there; otherwise what is missing and how to get it.</summary>
    public static string? MissingReason()
    {
        var missing = Components.Select(c => Path.Combine(BinDir, c)).Where(path => !File.Exists(path)).ToList();
        if (!File.Exists(EtcdBinary))
        {
            missing.Add(EtcdBinary + " (Debian etcd-server)");
        }

        if (FindOnPath("kubectl") is null)
        {
            missing.Add("kubectl (Debian kubernetes-client)");
        }

        return missing.Count == 0
            ? null
            : $"control-plane binaries missing: {string.Join(", ", missing)}; run `bash scripts/k8s-test-binaries.sh` (see docs/testing-control-plane.md)";
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin")
        .Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, name))
        .FirstOrDefault(File.Exists);
}
