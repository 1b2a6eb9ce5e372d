using Kubeadm.Core.Host;

namespace Kubeadm.Core.BootstrapTokens;

/// <summary>Makes a bootstrap token "[a-z0-9]{6}.[a-z0-9]{16}" from the injected randomness.</summary>
public static class BootstrapTokenGenerator
{
    public static string Generate(IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextTokenString(6) + "." + random.NextTokenString(16);
    }
}
