namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>The result of decoding a config file: the internal model (not yet defaulted) and what the file held.</summary>
public sealed record DecodedConfig(
    KubeadmConfig Config,
    bool HasInitConfiguration,
    bool HasClusterConfiguration,
    string? InitApiVersion,
    string? ClusterApiVersion,
    IReadOnlyList<string> Warnings);
