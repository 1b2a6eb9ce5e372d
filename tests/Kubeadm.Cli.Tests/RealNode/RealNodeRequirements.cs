using Kubeadm.Cli.Tests.ControlPlaneHost;

namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>
/// What the real-node test needs. <see cref="RealNodeFactAttribute"/> skips on a developer machine that lacks a
/// piece (with the reason); under CI=true nothing is skipped and <see cref="Verify"/> fails the test instead.
/// </summary>
internal static class RealNodeRequirements
{
    public static readonly string[] NodeComponents = ["kubelet", "kube-apiserver", "kube-controller-manager", "kube-scheduler"];

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when everything is there; otherwise what is missing and how to get it.</summary>
    public static string? MissingReason()
    {
        var missing = new List<string>();
        if (!Environment.IsPrivilegedProcess)
        {
            missing.Add("root (namespaces, mounts, cgroups, containerd)");
        }

        missing.AddRange(NodeComponents.Select(c => Path.Combine(K8sTestBinaries.BinDir, c)).Where(p => !File.Exists(p))
            .Select(p => p + " (bash scripts/k8s-test-binaries.sh)"));
        (string Path, string Package)[] tools =
        [
            (K8sTestBinaries.EtcdBinary, "etcd-server"), ("/usr/bin/containerd", "containerd"), ("/usr/bin/ctr", "containerd"),
            ("/usr/sbin/runc", "runc"), (TestImageShimBinary.Go, "golang-go"), ("/usr/bin/unshare", "util-linux"),
            ("/usr/bin/nsenter", "util-linux"), ("/usr/sbin/ip", "iproute2"), ("/usr/bin/openssl", "openssl"),
        ];
        missing.AddRange(tools.Where(t => !File.Exists(t.Path)).Select(t => $"{t.Path} (Debian {t.Package})"));
        if (!File.Exists(K8sTestBinaries.Kubectl))
        {
            missing.Add("kubectl (Debian kubernetes-client)");
        }

        if (!File.Exists(PublishedKubeadm.Path))
        {
            missing.Add($"{PublishedKubeadm.Path} (bash scripts/publish.sh)");
        }

        return missing.Count == 0 ? null : "real-node test needs: " + string.Join(", ", missing) + " (see docs/testing-real-node.md)";
    }

    /// <summary>Fails with the reason when a piece is missing (reached only under CI=true or when run anyway).</summary>
    public static void Verify()
    {
        if (MissingReason() is { } reason)
        {
            Assert.Fail(reason);
        }
    }
}

/// <summary>A [Fact] skipped with the reason when a real-node piece is missing, except under CI=true (then it runs and fails).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealNodeFactAttribute : FactAttribute
{
    public RealNodeFactAttribute()
    {
        if (!RealNodeRequirements.IsCi && RealNodeRequirements.MissingReason() is { } reason)
        {
            Skip = reason;
        }
    }
}
