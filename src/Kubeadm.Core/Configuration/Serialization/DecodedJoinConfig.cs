namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>A decoded (not yet defaulted) JoinConfiguration, the apiVersion it was written in, and the decoder's warnings.</summary>
public sealed record DecodedJoinConfig(JoinConfiguration Join, string ApiVersion, IReadOnlyList<string> Warnings);
