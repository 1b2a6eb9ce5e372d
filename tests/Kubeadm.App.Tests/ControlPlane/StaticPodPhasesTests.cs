using Kubeadm.Core.Configuration;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.ControlPlane;

public sealed class StaticPodPhasesTests
{
    private static readonly string[] ControlPlaneComponents = ["kube-apiserver", "kube-controller-manager", "kube-scheduler"];

    [Fact]
    public async Task Should_WriteManifestsPrivately_When_ControlPlanePhasesRun()
    {
        var fixture = new StaticPodPhaseFixture();
        await fixture.RunControlPlaneAsync();

        Assert.Equal(FileModes.PrivateDirectory, fixture.FileSystem.GetMode("/etc/kubernetes/manifests"));
        foreach (var component in ControlPlaneComponents)
        {
            Assert.Equal(FileModes.Private, fixture.FileSystem.GetMode($"/etc/kubernetes/manifests/{component}.yaml"));
        }

        Assert.Equal(
            "[control-plane] Using manifest folder \"/etc/kubernetes/manifests\"\n" +
            "[control-plane] Creating static Pod manifest for \"kube-apiserver\"\n" +
            "[control-plane] Creating static Pod manifest for \"kube-controller-manager\"\n" +
            "[control-plane] Creating static Pod manifest for \"kube-scheduler\"\n",
            fixture.Out.ToString());
    }

    [Fact]
    public async Task Should_CreateDataDirAndManifest_When_EtcdLocalRuns()
    {
        var fixture = new StaticPodPhaseFixture();
        await fixture.RunEtcdLocalAsync();

        Assert.Equal(FileModes.PrivateDirectory, fixture.FileSystem.GetMode("/var/lib/etcd"));
        Assert.Equal(FileModes.Private, fixture.FileSystem.GetMode("/etc/kubernetes/manifests/etcd.yaml"));
        Assert.Contains("- --initial-cluster=n1=https://10.0.0.1:2380\n", fixture.Manifest("etcd"));
        Assert.Equal("[etcd] Creating static Pod manifest for local etcd in \"/etc/kubernetes/manifests\"\n", fixture.Out.ToString());
    }

    [Fact]
    public async Task Should_OnlyAnnounceTheDataDir_When_DryRun()
    {
        var fixture = new StaticPodPhaseFixture();
        fixture.Config.Init.DryRun = true;
        await fixture.RunEtcdLocalAsync();

        Assert.False(fixture.FileSystem.DirectoryExists("/var/lib/etcd"));
        Assert.StartsWith("[dryrun] Would ensure that \"/var/lib/etcd\" directory is present\n", fixture.Out.ToString());
    }

    [Fact]
    public async Task Should_WriteNothing_When_EtcdIsExternal()
    {
        var fixture = new StaticPodPhaseFixture();
        fixture.Config.Cluster.Etcd = new global::Kubeadm.Core.Configuration.Etcd { External = new ExternalEtcd { Endpoints = ["https://e:2379"] } };
        await fixture.RunEtcdLocalAsync();

        Assert.False(fixture.FileSystem.FileExists("/etc/kubernetes/manifests/etcd.yaml"));
        Assert.Equal("", fixture.Out.ToString());
    }

    [Fact]
    public async Task Should_RewriteIdenticalBytes_When_RunTwice()
    {
        var fixture = new StaticPodPhaseFixture();
        await fixture.RunEtcdLocalAsync();
        await fixture.RunControlPlaneAsync();
        var first = ControlPlaneComponents.Append("etcd").Select(fixture.Manifest).ToList();

        await fixture.RunEtcdLocalAsync();
        await fixture.RunControlPlaneAsync();

        Assert.Equal(first, ControlPlaneComponents.Append("etcd").Select(fixture.Manifest).ToList());
    }

    [Fact]
    public async Task Should_WriteThePatchedPod_When_PatchesTargetTheComponents()
    {
        var fixture = new StaticPodPhaseFixture();
        await fixture.RunEtcdLocalAsync();
        await fixture.RunControlPlaneAsync();

        Assert.Equal(["etcd", .. ControlPlaneComponents], fixture.Patches.Targets);
        Assert.Contains("    patched-by-test: \"yes\"\n", fixture.Manifest("kube-scheduler"));
    }

    [Fact]
    public async Task Should_PassProxyVariablesAndHostCaDirs_When_HostHasThem()
    {
        var fixture = new StaticPodPhaseFixture();
        fixture.Environment["HTTPS_PROXY"] = "http://proxy:3128";
        fixture.FileSystem.CreateDirectory("/etc/pki/tls/certs", FileModes.Directory);
        await fixture.RunControlPlaneAsync();

        var apiServer = fixture.Manifest("kube-apiserver");
        Assert.Contains("    - name: HTTPS_PROXY\n      value: http://proxy:3128\n", apiServer);
        Assert.Contains("    name: etc-pki-tls-certs\n", apiServer);
        Assert.DoesNotContain("etc-pki-ca-trust", apiServer);
    }

    [Fact]
    public async Task Should_EmptyTheSigningFiles_When_CaKeyIsMissing()
    {
        var fixture = new StaticPodPhaseFixture();
        fixture.FileSystem.WriteAllText("/etc/kubernetes/pki/ca.crt", "cert", FileModes.Public);
        await fixture.RunControlPlaneAsync();

        Assert.Contains("    - --cluster-signing-key-file=\n", fixture.Manifest("kube-controller-manager"));
    }
}
