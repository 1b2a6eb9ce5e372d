using System.Text.Json.Nodes;
using Kubeadm.Core.ControlPlane;
using YamlDotNet.RepresentationModel;

namespace Kubeadm.Core.Tests.ControlPlane;

public sealed class ManifestRoundTripTests
{
    [Fact]
    public void Should_ReadBackIntoTheClientModel_When_ManifestIsWritten()
    {
        var config = ManifestScenarios.Config(ManifestScenarios.ExtraArgs);
        var yaml = StaticPodSerializer.ToYaml(StaticPodSerializer.ToJsonObject(ApiServerPodBuilder.Build(config, ManifestScenarios.DebianHost)));

        var pod = StaticPodSerializer.FromJson(YamlToJson(yaml)!.ToJsonString());

        var container = Assert.Single(pod.Spec.Containers);
        Assert.Equal("kube-apiserver", container.Name);
        Assert.Equal("probe-port", container.LivenessProbe.HttpGet.Port.Value);
        Assert.Equal(6443, Assert.Single(container.Ports).ContainerPort);
        Assert.Equal("250m", container.Resources.Requests["cpu"].ToString());
        Assert.Equal(2000001000, pod.Spec.Priority);
        Assert.Equal("RuntimeDefault", pod.Spec.SecurityContext.SeccompProfile.Type);
        Assert.Equal("4", container.Env.Single(e => e.Name == "GOMAXPROCS").Value);
    }

    [Fact]
    public void Should_KeepValueFromWithDefaultedApiVersion_When_ExtraEnvUsesAFieldRef()
    {
        var fieldRef = JsonNode.Parse("""{"fieldRef":{"fieldPath":"status.podIP"}}""")!.AsObject();
        var config = ManifestScenarios.Config(c => c.Cluster.Scheduler.ExtraEnvs = [new("POD_IP", "", fieldRef)]);
        var yaml = StaticPodSerializer.ToYaml(StaticPodSerializer.ToJsonObject(SchedulerPodBuilder.Build(config, StaticPodHostFacts.None)));
        Assert.Contains("    - name: POD_IP\n      valueFrom:\n        fieldRef:\n          apiVersion: v1\n          fieldPath: status.podIP\n", yaml);
    }

    private static JsonNode? YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    // Test-only conversion: plain scalars that look like integers or booleans become JSON numbers and booleans.
    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            KeyValuePair.Create(((YamlScalarNode)pair.Key).Value!, Convert(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar when long.TryParse(scalar.Value, out var number) => JsonValue.Create(number),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } scalar => JsonValue.Create(scalar.Value == "true"),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };
}
