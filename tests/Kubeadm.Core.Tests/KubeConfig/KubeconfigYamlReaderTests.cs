using Kubeadm.Core.KubeConfig;

namespace Kubeadm.Core.Tests.KubeConfig;

public sealed class KubeconfigYamlReaderTests
{
    private const string Path = "/etc/kubernetes/admin.conf";

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Should_ReturnEmptyConfig_When_FileIsEmpty(string text)
    {
        var config = KubeconfigYamlReader.Read(text, Path);

        Assert.Empty(config.Clusters);
        Assert.Empty(config.Contexts);
        Assert.Empty(config.Users);
        Assert.Equal("", config.CurrentContext ?? "");
    }

    [Fact]
    public void Should_IgnoreUnknownFields_When_Reading()
    {
        const string Text = """
            apiVersion: v1
            kind: Config
            preferences: {colors: true}
            extensions: [{name: x, extension: {}}]
            clusters:
            - name: c
              cluster: {server: "https://a:1", proxy-url: "http://p", certificate-authority-data: Q0E=}
            contexts:
            - name: u@c
              context: {cluster: c, user: u, namespace: ns}
            current-context: u@c
            users:
            - name: u
              user: {token: abc, exec: {command: x}}
            """;

        var config = KubeconfigYamlReader.Read(Text, Path);

        Assert.Equal("https://a:1", Assert.Single(config.Clusters).ClusterEndpoint.Server);
        Assert.Equal("ns", Assert.Single(config.Contexts).ContextDetails.Namespace);
        Assert.Equal("abc", Assert.Single(config.Users).UserCredentials.Token);
    }

    [Fact]
    public void Should_ReadJson_When_FileIsJson()
    {
        var config = KubeconfigYamlReader.Read("""{"current-context": "x", "contexts": [{"name": "x", "context": {"cluster": "c"}}]}""", Path);

        Assert.Equal("c", Assert.Single(config.Contexts).ContextDetails.Cluster);
    }

    [Theory]
    [InlineData("clusters: [unclosed", "line")]
    [InlineData("- a\n- b\n", "expected a mapping")]
    [InlineData("clusters: yes-a-string\n", "clusters: expected a list")]
    [InlineData("current-context: 42\n", "current-context: expected a string")]
    [InlineData("clusters:\n- name: c\n  cluster: {certificate-authority-data: '%%%'}\n", "illegal base64")]
    [InlineData("clusters:\n- name: c\n- name: c\n", "duplicate name \"c\" in clusters")]
    [InlineData("kind: Config\nkind: Config\n", "duplicate field \"kind\"")]
    public void Should_ThrowNamingFile_When_FileIsCorrupt(string text, string expected)
    {
        var error = Assert.Throws<KubeconfigFormatException>(() => KubeconfigYamlReader.Read(text, Path));

        Assert.StartsWith($"failed to load kubeconfig file \"{Path}\" that already exists on disk: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(Path, error.Path);
    }
}
