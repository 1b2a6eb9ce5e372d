using Kubeadm.Core.Security;
using YamlDotNet.RepresentationModel;

namespace Kubeadm.Core.Tests.Security;

public sealed class HardeningDocumentsTests
{
    [Fact]
    public void Should_AllowAnonymousOnlyForHealthAndClusterInfo_When_TheAuthenticationConfigIsRead()
    {
        var root = Parse(AnonymousAuthenticationFile.Content);

        Assert.Equal("apiserver.config.k8s.io/v1beta1", Scalar(root, "apiVersion"));
        Assert.Equal("AuthenticationConfiguration", Scalar(root, "kind"));
        var anonymous = (YamlMappingNode)root["anonymous"];
        Assert.Equal("true", Scalar(anonymous, "enabled"));
        var paths = ((YamlSequenceNode)anonymous["conditions"]).Cast<YamlMappingNode>().Select(c => Scalar(c, "path")).ToList();
        Assert.Equal(["/healthz", "/livez", "/readyz", "/api/v1/namespaces/kube-public/configmaps/cluster-info"], paths);
    }

    [Fact]
    public void Should_NeverLogSecretBodies_When_TheAuditPolicyIsRead()
    {
        var root = Parse(AuditPolicyFile.Content);
        var rules = ((YamlSequenceNode)root["rules"]).Cast<YamlMappingNode>().ToList();

        Assert.Equal("Policy", Scalar(root, "kind"));
        var secretsRule = rules.FindIndex(r => r.Children.ContainsKey(new YamlScalarNode("resources")) && r["resources"].ToString().Contains("secrets", StringComparison.Ordinal));
        var requestRule = rules.FindIndex(r => Scalar(r, "level") == "Request");
        Assert.True(secretsRule >= 0 && secretsRule < requestRule, "the Metadata rule for secrets must come before the Request rule");
        Assert.Equal("Metadata", Scalar(rules[secretsRule], "level"));
        Assert.Equal("Metadata", Scalar(rules[^1], "level"));
    }

    private static YamlMappingNode Parse(string content)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(content));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value;
}
