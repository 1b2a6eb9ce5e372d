namespace Kubeadm.Core.BootstrapTokens;

/// <summary>A bootstrap token as read back from its Secret (what `kubeadm token list` shows).</summary>
/// <param name="Token">The full token.</param>
/// <param name="Description">Empty when the Secret has none.</param>
/// <param name="Expires">Null when the token never expires.</param>
/// <param name="Usages">Sorted, e.g. [authentication, signing].</param>
/// <param name="Groups">The extra groups, in the Secret's order.</param>
public sealed record BootstrapTokenInfo(
    BootstrapTokenString Token,
    string Description,
    DateTimeOffset? Expires,
    IReadOnlyList<string> Usages,
    IReadOnlyList<string> Groups);
