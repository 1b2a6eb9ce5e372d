using Kubeadm.Core.Security;

namespace Kubeadm.Core.Tests.Security;

public sealed class EncryptionConfigurationFileTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Fact]
    public void Should_EncryptSecretsWithSecretboxFirstAndStillReadPlainOnes_When_Created()
    {
        var content = EncryptionConfigurationFile.Create(Key);

        Assert.Null(EncryptionConfigurationFile.Problem(content));
        Assert.Contains("kind: EncryptionConfiguration", content);
        Assert.Contains("- secrets", content);
        Assert.Contains("secret: " + Convert.ToBase64String(Key), content);
        Assert.True(content.IndexOf("secretbox:", StringComparison.Ordinal) < content.IndexOf("identity: {}", StringComparison.Ordinal));
        Assert.Equal("k8s:enc:secretbox:v1:key1:", EncryptionConfigurationFile.StoredPrefix);
    }

    [Fact]
    public void Should_RefuseAKeyThatIsNot32Bytes_When_Creating() =>
        Assert.Throws<ArgumentException>(() => EncryptionConfigurationFile.Create(new byte[16]));

    [Theory]
    [InlineData("kind: Foo\n", "not EncryptionConfiguration")]
    [InlineData("kind: EncryptionConfiguration\nresources:\n- resources: [configmaps]\n  providers: [{identity: {}}]\n", "does not cover secrets")]
    [InlineData("kind: EncryptionConfiguration\nresources:\n- resources: [secrets]\n  providers:\n  - identity: {}\n  - secretbox: {keys: [{name: k, secret: AAAA}]}\n", "first provider for secrets is \"identity\"")]
    [InlineData("kind: EncryptionConfiguration\nresources:\n- resources: [secrets]\n  providers:\n  - aescbc: {keys: [{name: k, secret: AAAA}]}\n", "is not 32 bytes")]
    [InlineData("kind: [\n", "not valid YAML")]
    public void Should_SayWhy_When_AnExistingFileCannotBeKept(string content, string expected)
    {
        var problem = EncryptionConfigurationFile.Problem(content);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void Should_AcceptAnOperatorsAescbcFile_When_ItsKeyIs32Bytes()
    {
        var content = $"apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n- resources: [secrets, configmaps]\n  providers:\n  - aescbc:\n      keys:\n      - name: old\n        secret: {Convert.ToBase64String(Key)}\n  - identity: {{}}\n";

        Assert.Null(EncryptionConfigurationFile.Problem(content));
    }
}
