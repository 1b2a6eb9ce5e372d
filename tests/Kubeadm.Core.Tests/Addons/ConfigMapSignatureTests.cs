using k8s.Models;
using Kubeadm.Core.ClusterApi;

namespace Kubeadm.Core.Tests.Addons;

public sealed class ConfigMapSignatureTests
{
    [Fact]
    public void Should_HashValuesInKeyOrder_When_DataHasSeveralKeys()
    {
        var configMap = new V1ConfigMap { Data = new Dictionary<string, string> { ["b"] = "world", ["a"] = "hello " } };

        // sha256("hello world"): the values joined in key order, keys themselves not hashed.
        Assert.Equal(
            "sha256:b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9",
            ConfigMapSignature.Checksum(configMap));
    }

    [Fact]
    public void Should_AddAnnotation_When_Signed()
    {
        var configMap = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x" }, Data = new Dictionary<string, string> { ["k"] = "" } };

        ConfigMapSignature.Sign(configMap);

        Assert.Equal(
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            configMap.Metadata.Annotations[ConfigMapSignature.AnnotationKey]);
    }
}
