namespace Kubeadm.Core.Configuration;

/// <summary>An extra hostPath volume mounted into a control-plane pod.</summary>
public sealed record HostPathMount(string Name, string HostPath, string MountPath, bool ReadOnly, string PathType);
