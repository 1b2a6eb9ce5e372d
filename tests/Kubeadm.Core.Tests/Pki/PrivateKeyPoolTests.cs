using Kubeadm.Core.Pki;

namespace Kubeadm.Core.Tests.Pki;

public sealed class PrivateKeyPoolTests
{
    [Fact]
    public void Should_HandOutPrestartedKeyOnce_When_Taken()
    {
        var generator = new EcdsaKeys();
        var pool = new PrivateKeyPool(generator);

        pool.Prestart("ca", KeyAlgorithm.EcdsaP256);
        pool.Prestart("ca", KeyAlgorithm.EcdsaP256);
        var first = pool.Take("ca", KeyAlgorithm.EcdsaP256);
        var second = pool.Take("ca", KeyAlgorithm.EcdsaP256);

        Assert.NotSame(first, second);
        Assert.Equal(2, generator.Generated);
        Assert.Empty(pool.Pending);
    }

    [Fact]
    public void Should_GenerateOnDemand_When_NothingWasPrestarted()
    {
        var generator = new EcdsaKeys();

        _ = new PrivateKeyPool(generator).Take("sa", KeyAlgorithm.EcdsaP256);

        Assert.Equal(1, generator.Generated);
    }
}
