using System.Text.Json.Nodes;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

public sealed class ApiServerRoundTripTests
{
    [Fact]
    public void Should_ReportFieldsMissingFromTheAnswer_When_TheServerDroppedThem()
    {
        var sent = Parse("""{"kind":"Pod","spec":{"containers":[{"name":"a","livenessProbe":{"timeoutSecond":15,"periodSeconds":10}}],"hostNetwork":true}}""");
        var returned = Parse("""{"kind":"Pod","spec":{"containers":[{"name":"a","livenessProbe":{"periodSeconds":10}}]}}""");

        Assert.Equal(
            ["Pod:spec.containers[*].livenessProbe.timeoutSecond", "Pod:spec.hostNetwork"],
            ApiServerRoundTrip.DroppedFields(sent, returned));
    }

    [Fact]
    public void Should_NotReportEmptyValues_When_TheServerOmitsThemAsGoDoes()
    {
        var sent = Parse("""{"kind":"Pod","spec":{"a":"","b":false,"c":0,"d":{},"e":[],"f":null}}""");
        Assert.Empty(ApiServerRoundTrip.DroppedFields(sent, Parse("""{"kind":"Pod","spec":{}}""")));
    }

    [Fact]
    public void Should_ExplainEveryExpectedDrop_When_OneIsListed()
    {
        Assert.StartsWith("server-assigned: ", ApiServerRoundTrip.ExpectedDrop("Service:metadata.resourceVersion"));
        Assert.Null(ApiServerRoundTrip.ExpectedDrop("Pod:spec.hostNetwork"));
    }

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;
}
