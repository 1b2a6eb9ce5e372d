using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Health;
using Kubeadm.Core.Tests.ControlPlane;

namespace Kubeadm.Core.Tests.Health;

public sealed class ControlPlaneHealthTargetsTests
{
    [Fact]
    public void Should_UseKubeadmsEndpoints_When_ManifestsAreTheGeneratedOnes()
    {
        var config = ManifestScenarios.Config();
        var manifests = new Dictionary<string, string?>
        {
            [ComponentNames.ApiServer] = Yaml(ApiServerPodBuilder.Build(config, ManifestScenarios.DebianHost)),
            [ComponentNames.ControllerManager] = Yaml(ControllerManagerPodBuilder.Build(config, ManifestScenarios.DebianHost)),
            [ComponentNames.Scheduler] = Yaml(SchedulerPodBuilder.Build(config, ManifestScenarios.DebianHost)),
        };

        var targets = ControlPlaneHealthTargets.FromManifests(manifests, "192.0.2.9");

        Assert.Equal(
            [
                ("kube-apiserver", "https://10.0.0.1:6443/livez"),
                ("kube-controller-manager", "https://127.0.0.1:10257/healthz"),
                ("kube-scheduler", "https://127.0.0.1:10259/livez"),
            ],
            targets.Select(t => (t.Name, t.Url.ToString())));
    }

    [Fact]
    public void Should_PreferFlagsInTheManifest_When_TheyOverrideAddressAndPort()
    {
        var manifests = new Dictionary<string, string?>
        {
            [ComponentNames.ApiServer] = Manifest("kube-apiserver", "--secure-port=7443"),
            [ComponentNames.ControllerManager] = Manifest("kube-controller-manager", "--bind-address=0.0.0.0", "--secure-port=11257"),
            [ComponentNames.Scheduler] = Manifest("kube-scheduler", "--bind-address=fd00::5"),
        };

        var targets = ControlPlaneHealthTargets.FromManifests(manifests, "10.1.1.1");

        Assert.Equal(
            ["https://10.1.1.1:7443/livez", "https://0.0.0.0:11257/healthz", "https://[fd00::5]:10259/livez"],
            targets.Select(t => t.Url.ToString()));
    }

    [Fact]
    public void Should_ListEveryProblem_When_ManifestsAreMissingOrHaveNoCommand()
    {
        var manifests = new Dictionary<string, string?>
        {
            [ComponentNames.ApiServer] = null,
            [ComponentNames.ControllerManager] = Manifest("something-else"),
            [ComponentNames.Scheduler] = Manifest("kube-scheduler"),
        };

        var error = Assert.Throws<FormatException>(() => ControlPlaneHealthTargets.FromManifests(manifests, "10.1.1.1"));

        Assert.Equal(
            "could not parse the address and port of all control plane components: " +
            "[got nil Pod for component \"kube-apiserver\", the Pod has no container command starting with \"kube-controller-manager\"]",
            error.Message);
    }

    [Fact]
    public void Should_GiveTheHealthzUrl_When_KubeletPortIsSet()
    {
        Assert.Equal("http://127.0.0.1:10248/healthz", ControlPlaneHealthTargets.Kubelet("127.0.0.1", 10248)!.Url.ToString());
        Assert.Null(ControlPlaneHealthTargets.Kubelet("127.0.0.1", 0));
    }

    private static string Yaml(k8s.Models.V1Pod pod) => StaticPodSerializer.ToYaml(StaticPodSerializer.ToJsonObject(pod));

    private static string Manifest(string command, params string[] args) =>
        "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: sidecar\n    image: x\n  - command:\n    - " + command + "\n" +
        string.Concat(args.Select(a => "    - " + a + "\n")) + "    name: main\n";
}
