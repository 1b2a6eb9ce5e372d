namespace Kubeadm.Core.Configuration;

/// <summary>A bootstrap token to create at init time (bootstraptoken/v1 BootstrapToken).</summary>
public sealed class BootstrapToken
{
    /// <summary>The token as "[a-z0-9]{6}.[a-z0-9]{16}"; empty means "generate one at runtime".</summary>
    public string Token { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Time to live; null means unset (defaulted to 24h unless <see cref="Expires"/> is set).</summary>
    public TimeSpan? Ttl { get; set; }

    public DateTimeOffset? Expires { get; set; }

    public List<string> Usages { get; set; } = [];

    public List<string> Groups { get; set; } = [];
}
