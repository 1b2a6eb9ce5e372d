using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Tests.Configuration;

public sealed class ConfigDecoderErrorTests
{
    private const string Init = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\n";
    private const string Cluster = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\n";

    public static TheoryData<string, string> SingleErrors => new()
    {
        { Cluster + "networking:\n  serviceSubent: 10.0.0.0/16\n", "c.yaml: document 1 (ClusterConfiguration), line 4, column 3: networking.serviceSubent: unknown field \"serviceSubent\"" },
        { Cluster + "clusterName: a\nclusterName: b\n", "c.yaml: document 1 (ClusterConfiguration), line 4, column 1: clusterName: duplicate field \"clusterName\"" },
        { Init + "localAPIEndpoint:\n  bindPort: abc\n", "c.yaml: document 1 (InitConfiguration), line 4, column 13: localAPIEndpoint.bindPort: expected an integer, got a string (\"abc\")" },
        { Init + "dryRun: maybe\n", "c.yaml: document 1 (InitConfiguration), line 3, column 9: dryRun: expected a boolean, got a string (\"maybe\")" },
        { Init + "timeouts:\n  discovery: 4x\n", "c.yaml: document 1 (InitConfiguration), line 4, column 14: timeouts.discovery: time: unknown unit \"x\" in duration \"4x\"" },
        { Init + "skipPhases:\n  a: b\n", "c.yaml: document 1 (InitConfiguration), line 4, column 3: skipPhases: expected a list, got a mapping" },
        { Cluster + "networking: [a]\n", "c.yaml: document 1 (ClusterConfiguration), line 3, column 13: networking: expected a mapping, got a list" },
        { Cluster + "kubernetesVersion: 1.34\n", "c.yaml: document 1 (ClusterConfiguration), line 3, column 20: kubernetesVersion: expected a string, got a number (1.34)" },
        { Init + "bootstrapTokens:\n- ttl: 1d\n", "c.yaml: document 1 (InitConfiguration), line 4, column 8: bootstrapTokens[0].ttl: time: unknown unit \"d\" in duration \"1d\"" },
        { Cluster + "featureGates:\n  A: yes\n", "c.yaml: document 1 (ClusterConfiguration), line 4, column 6: featureGates.A: expected a boolean, got a string (\"yes\")" },
        { "kind: InitConfiguration\n", "c.yaml: document 1, line 1, column 1: invalid configuration for GroupVersionKind {apiVersion: \"\", kind: \"InitConfiguration\"}: kind and apiVersion is mandatory information that must be specified" },
        { "apiVersion: kubeadm.k8s.io/v1beta4\n", "c.yaml: document 1, line 1, column 1: invalid configuration for GroupVersionKind {apiVersion: \"kubeadm.k8s.io/v1beta4\", kind: \"\"}: kind and apiVersion is mandatory information that must be specified" },
        { "apiVersion: kubeadm.k8s.io/v1beta2\nkind: InitConfiguration\n", "c.yaml: document 1 (InitConfiguration), line 1, column 1: your configuration file uses an old API spec: \"kubeadm.k8s.io/v1beta2\" (kind: \"InitConfiguration\"). Please use kubeadm v1.22 instead and run 'kubeadm config migrate --old-config old-config-file --new-config new-config-file', which will write the new, similar spec using a newer API version." },
        { Init + "---\n" + Init, "c.yaml: document 2 (InitConfiguration), line 4, column 1: invalid configuration: kind \"InitConfiguration\" is specified twice in YAML file" },
        { Init + "nodeRegistration:\n  name: [unclosed\n", "c.yaml: line 5, column 1: invalid YAML: While parsing a flow sequence, did not find expected ',' or ']'." },
    };

    [Theory]
    [MemberData(nameof(SingleErrors))]
    public void Should_ReportPositionAndPath_When_DocumentIsInvalid(string yaml, string expected)
    {
        var exception = Assert.Throws<ValidationException>(() => KubeadmConfigDecoder.Decode(yaml, "c.yaml"));

        Assert.Equal([expected], exception.Errors);
    }

    [Fact]
    public void Should_ReportEveryError_When_SeveralDocumentsAreInvalid()
    {
        const string yaml = Init + "bogus: 1\nlocalAPIEndpoint: {bindPort: x}\n---\n" + Cluster + "dns: {imageTag: 1, extra: 2}\n";

        var errors = Assert.Throws<ValidationException>(() => KubeadmConfigDecoder.Decode(yaml, "c.yaml")).Errors;

        Assert.Equal(
            [
                "c.yaml: document 1 (InitConfiguration), line 4, column 30: localAPIEndpoint.bindPort: expected an integer, got a string (\"x\")",
                "c.yaml: document 1 (InitConfiguration), line 3, column 1: bogus: unknown field \"bogus\"",
                "c.yaml: document 2 (ClusterConfiguration), line 8, column 17: dns.imageTag: expected a string, got an integer (1)",
                "c.yaml: document 2 (ClusterConfiguration), line 8, column 20: dns.extra: unknown field \"extra\"",
            ],
            errors);
    }
}
