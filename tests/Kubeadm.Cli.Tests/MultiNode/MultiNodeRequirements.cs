using Kubeadm.Cli.Tests.ControlPlaneHost;
using Kubeadm.Cli.Tests.RealNode;

namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>
/// What the multi-node tests need: root, unshare/nsenter/ip, the 1.20 control-plane binaries and their v1.33/v1.34-stamped builds, etcd 3.4, etcdctl, kubectl
/// and a kubeadm to run in the nodes. <see cref="MultiNodeFactAttribute"/> skips with the reason on a developer machine;
/// under CI=true nothing is skipped and <see cref="Verify"/> fails the test instead.
/// </summary>
internal static class MultiNodeRequirements
{
    public static string? MissingReason()
    {
        var missing = new List<string>();
        if (!Environment.IsPrivilegedProcess)
        {
            missing.Add("root (namespaces, mounts)");
        }

        missing.AddRange(new[] { "kube-apiserver", "kube-controller-manager", "kube-scheduler" }
            .Select(c => Path.Combine(K8sTestBinaries.BinDir, c)).Where(p => !File.Exists(p)).Select(p => p + " (bash scripts/k8s-test-binaries.sh)"));

        // The kubelet stand-in runs the build an image's tag names (StaticPodImages): the stamped v1.33/v1.34 sets.
        missing.AddRange(K8sTestBinaries.VersionStamps
            .SelectMany(v => K8sTestBinaries.Components.Select(c => Path.Combine(K8sTestBinaries.VersionedBinDir(v), c)))
            .Where(p => !File.Exists(p)).Select(p => p + " (bash scripts/k8s-versioned-binaries.sh)"));
        (string Path, string Package)[] tools =
        [
            (K8sTestBinaries.EtcdBinary, "etcd-server"), ("/usr/bin/etcdctl", "etcd-client"), (K8sTestBinaries.Kubectl, "kubernetes-client"),
            ("/usr/bin/unshare", "util-linux"), ("/usr/bin/nsenter", "util-linux"), ("/usr/sbin/ip", "iproute2"),
        ];
        missing.AddRange(tools.Where(t => !File.Exists(t.Path)).Select(t => $"{t.Path} (Debian {t.Package})"));
        if (!File.Exists(BedNode.KubeadmBinary))
        {
            missing.Add(BedNode.KubeadmBinary + " (dotnet build, or bash scripts/publish.sh)");
        }

        return missing.Count == 0 ? null : "multi-node test needs: " + string.Join(", ", missing) + " (see docs/testing-multi-node.md)";
    }

    public static void Verify()
    {
        if (MissingReason() is { } reason)
        {
            Assert.Fail(reason);
        }
    }
}

/// <summary>A [Fact] skipped with the reason when a multi-node piece is missing, except under CI=true (then it runs and fails).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MultiNodeFactAttribute : FactAttribute
{
    public MultiNodeFactAttribute()
    {
        if (!RealNodeRequirements.IsCi && MultiNodeRequirements.MissingReason() is { } reason)
        {
            Skip = reason;
        }
    }
}
