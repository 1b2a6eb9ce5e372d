using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Security;

namespace Kubeadm.Core.Tests.Security;

public sealed class EtcdUserTests
{
    [Fact]
    public void Should_FindTheEtcdAccount_When_PasswdHasOne()
    {
        var user = EtcdUser.FromPasswd("root:x:0:0:root:/root:/bin/bash\netcdx:x:5:5::/:/bin/false\netcd:x:108:112:etcd:/var/lib/etcd:/usr/sbin/nologin\n");

        Assert.Equal(new EtcdUser(108, 112), user);
    }

    [Theory]
    [InlineData("root:x:0:0:root:/root:/bin/bash\n")]
    [InlineData("etcd:x:0:0::/:/bin/sh\n")]
    [InlineData("etcd:x:abc:1::/:/bin/sh\n")]
    public void Should_FindNone_When_ThereIsNoUsableEtcdAccount(string passwd) => Assert.Null(EtcdUser.FromPasswd(passwd));

    [Fact]
    public void Should_RunTheEtcdPodAsTheUser_When_Hardened()
    {
        var config = ConfigDefaults.CreateDefault();
        config.Cluster.KubernetesVersion = "v1.34.2";
        config.Init.LocalApiEndpoint.AdvertiseAddress = "10.0.0.7";
        ConfigDefaults.Apply(config);

        var pod = new EtcdUser(108, 112).RunAsThisUser(EtcdPodBuilder.Build(config));

        Assert.Equal(108, pod.Spec.SecurityContext.RunAsUser);
        Assert.Equal(112, pod.Spec.SecurityContext.RunAsGroup);
        Assert.True(pod.Spec.SecurityContext.RunAsNonRoot);
        Assert.Equal("RuntimeDefault", pod.Spec.SecurityContext.SeccompProfile.Type);
        Assert.Equal(["/var/lib/etcd", "/etc/kubernetes/pki/etcd/server.key", "/etc/kubernetes/pki/etcd/peer.key"],
            EtcdUser.OwnedPaths("/var/lib/etcd", "/etc/kubernetes/pki"));
    }
}
