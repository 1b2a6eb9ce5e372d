namespace Kubeadm.Core.KubeConfig;

/// <summary>
/// One kubeconfig file kubeadm init writes: the sub-phase that writes it, its file name, the client identity in its
/// certificate (CN = user name, O = organizations) and which API server address it uses.
/// </summary>
public sealed record KubeconfigFileSpec
{
    public required string PhaseName { get; init; }

    /// <summary>The file name inside the kubeconfig folder, e.g. admin.conf.</summary>
    public required string FileName { get; init; }

    public required string ShortHelp { get; init; }

    public required string LongHelp { get; init; }

    /// <summary>The fixed user name, or the prefix of a per-node one when <see cref="UserIsPerNode"/>.</summary>
    public required string UserName { get; init; }

    /// <summary>True when the node name completes the user name (the kubelet's system:node:&lt;node&gt;).</summary>
    public bool UserIsPerNode { get; init; }

    public IReadOnlyList<string> Organizations { get; init; } = [];

    public required KubeconfigServerKind Server { get; init; }

    /// <summary>The user name and client certificate CN for this node.</summary>
    public string ClientName(string nodeName) => UserIsPerNode ? UserName + nodeName : UserName;
}
