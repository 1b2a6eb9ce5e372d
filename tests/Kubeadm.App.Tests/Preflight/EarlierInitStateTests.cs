using Kubeadm.App.Preflight;
using Kubeadm.Core.Preflight;

namespace Kubeadm.App.Tests.Preflight;

public sealed class EarlierInitStateTests
{
    [Fact]
    public async Task Should_ContinueWithWarnings_When_TheNodeHoldsAnEarlierInitsState()
    {
        var host = new HealthyHost();
        host.Write("/etc/kubernetes/pki/ca.crt", "ca");
        host.Write("/etc/kubernetes/admin.conf", "admin");
        host.Write("/etc/kubernetes/manifests/kube-apiserver.yaml", "pod");
        host.Write("/var/lib/etcd/member/snap/db", "data");
        host.Host.BusyPorts.UnionWith([6443, 10257, 10259, 10250, 2379, 2380]);

        await PreflightPhase.RunAsync(host.Context(), default);

        Assert.Contains("This node holds the state of an earlier 'kubeadm init'", host.Out.ToString());
        Assert.Contains("\t[WARNING Port-6443]: Port 6443 is in use\n", host.Err.ToString());
        Assert.Contains("[WARNING FileAvailable--etc-kubernetes-manifests-kube-apiserver.yaml]", host.Err.ToString());
        Assert.Contains("[WARNING DirAvailable--var-lib-etcd]", host.Err.ToString());
        Assert.DoesNotContain("[ERROR", host.Err.ToString());
    }

    [Fact]
    public async Task Should_StillFail_When_OnlyAStrayManifestExists()
    {
        var host = new HealthyHost();
        host.Write("/etc/kubernetes/manifests/kube-apiserver.yaml", "pod");
        host.Host.BusyPorts.Add(6443);

        await Assert.ThrowsAsync<PreflightFailedException>(() => PreflightPhase.RunAsync(host.Context(), default));

        Assert.Contains("\t[ERROR Port-6443]: Port 6443 is in use\n", host.Err.ToString());
        Assert.DoesNotContain("earlier 'kubeadm init'", host.Out.ToString());
    }
}
