using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Security;

namespace Kubeadm.Core.Tests.Security;

public sealed class CisClusterSettingsTests
{
    private static readonly StaticPodHostFacts Host = StaticPodHostFacts.None;

    [Fact]
    public void Should_PassEveryApiServerCisCheck_When_TheProfileIsAppliedFor134()
    {
        var config = Defaulted("v1.34.2");
        var warnings = new List<string>();

        CisClusterSettings.Apply(config.Cluster, warnings.Add);
        var command = ApiServerPodBuilder.Command(config);

        Assert.Empty(warnings);
        Assert.Contains("--profiling=false", command);                                        // 1.2.15
        Assert.Contains("--audit-log-path=/var/log/kubernetes/audit/audit.log", command);     // 1.2.16
        Assert.Contains("--audit-log-maxage=30", command);                                    // 1.2.17
        Assert.Contains("--audit-log-maxbackup=10", command);                                 // 1.2.18
        Assert.Contains("--audit-log-maxsize=100", command);                                  // 1.2.19
        Assert.Contains("--audit-policy-file=/etc/kubernetes/security/audit-policy.yaml", command);
        Assert.Contains("--encryption-provider-config=/etc/kubernetes/security/encryption-config.yaml", command); // 1.2.27
        Assert.Contains("--service-account-extend-token-expiration=false", command);          // 1.2.30
        Assert.Contains("--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt", command); // 1.2.5
        Assert.Contains("--authentication-config=/etc/kubernetes/security/authentication-config.yaml", command); // 1.2.1
        Assert.DoesNotContain(command, flag => flag.StartsWith("--anonymous-auth", StringComparison.Ordinal));
        Assert.Contains("--profiling=false", ControllerManagerPodBuilder.Build(config, Host).Spec.Containers[0].Command); // 1.3.2
        Assert.Contains("--profiling=false", SchedulerPodBuilder.Build(config, Host).Spec.Containers[0].Command);         // 1.4.1
    }

    [Fact]
    public void Should_MountTheConfigReadOnlyAndTheAuditLogWritable_When_TheProfileIsApplied()
    {
        var config = Defaulted("v1.34.2");

        CisClusterSettings.Apply(config.Cluster, _ => { });
        var container = ApiServerPodBuilder.Build(config, Host).Spec.Containers[0];

        var configMount = Assert.Single(container.VolumeMounts, m => m.Name == HardeningPaths.ConfigVolume);
        Assert.Equal("/etc/kubernetes/security", configMount.MountPath);
        Assert.True(configMount.ReadOnlyProperty);
        var auditMount = Assert.Single(container.VolumeMounts, m => m.Name == HardeningPaths.AuditLogVolume);
        Assert.Equal("/var/log/kubernetes/audit", auditMount.MountPath);
        Assert.NotEqual(true, auditMount.ReadOnlyProperty);
    }

    [Fact]
    public void Should_KeepAnonymousAuthAndSayWhy_When_TheApiServerIsOlderThan132()
    {
        var config = Defaulted("v1.31.4");
        var warnings = new List<string>();

        CisClusterSettings.Apply(config.Cluster, warnings.Add);
        var command = ApiServerPodBuilder.Command(config);

        Assert.DoesNotContain(command, flag => flag.StartsWith("--authentication-config", StringComparison.Ordinal));
        Assert.DoesNotContain(command, flag => flag.StartsWith("--anonymous-auth", StringComparison.Ordinal));
        var warning = Assert.Single(warnings);
        Assert.Contains("v1.32+", warning);
        Assert.Contains("kubeadm join", warning);
        Assert.Contains("CIS 1.2.1 is not met", warning);
    }

    [Fact]
    public void Should_KeepTheUsersFlagAndWarn_When_ExtraArgsAlreadySetOne()
    {
        var config = Defaulted("v1.34.2");
        config.Cluster.ApiServer.ExtraArgs.Add(new Arg("audit-log-maxage", "90"));
        var warnings = new List<string>();

        CisClusterSettings.Apply(config.Cluster, warnings.Add);
        var command = ApiServerPodBuilder.Command(config);

        Assert.Contains("--audit-log-maxage=90", command);
        Assert.DoesNotContain("--audit-log-maxage=30", command);
        Assert.Contains(warnings, w => w.Contains("--audit-log-maxage=90", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ChangeNothing_When_AppliedTwice()
    {
        var config = Defaulted("v1.34.2");
        CisClusterSettings.Apply(config.Cluster, _ => { });
        var once = ApiServerPodBuilder.Command(config);
        var volumes = config.Cluster.ApiServer.ExtraVolumes.Count;

        CisClusterSettings.Apply(config.Cluster, _ => { });

        Assert.Equal(once, ApiServerPodBuilder.Command(config));
        Assert.Equal(volumes, config.Cluster.ApiServer.ExtraVolumes.Count);
        Assert.True(CisClusterSettings.IsAppliedTo(config.Cluster));
    }

    [Fact]
    public void Should_LeaveKubeadmsManifestsUnchanged_When_NoProfileIsApplied()
    {
        var config = Defaulted("v1.34.2");

        var command = ApiServerPodBuilder.Command(config);

        Assert.False(CisClusterSettings.IsAppliedTo(config.Cluster));
        Assert.DoesNotContain(command, flag => flag.StartsWith("--profiling", StringComparison.Ordinal) || flag.StartsWith("--audit", StringComparison.Ordinal));
    }

    private static KubeadmConfig Defaulted(string version)
    {
        var config = ConfigDefaults.CreateDefault();
        config.Cluster.KubernetesVersion = version;
        config.Init.NodeRegistration.Name = "node-a";
        config.Init.LocalApiEndpoint.AdvertiseAddress = "10.0.0.7";
        ConfigDefaults.Apply(config);
        return config;
    }
}
