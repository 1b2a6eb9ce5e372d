namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>
/// A decoded (not yet defaulted) JoinConfiguration, the apiVersion it was written in, the decoder's warnings, and what a
/// SecurityProfile document in the file chose (None without one).
/// </summary>
public sealed record DecodedJoinConfig(
    JoinConfiguration Join, string ApiVersion, IReadOnlyList<string> Warnings, Security.SecurityProfile SecurityProfile = Security.SecurityProfile.None);
