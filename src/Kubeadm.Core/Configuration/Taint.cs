namespace Kubeadm.Core.Configuration;

/// <summary>A core/v1 node taint.</summary>
public sealed record Taint(string Key, string Value, string Effect, DateTimeOffset? TimeAdded = null);
