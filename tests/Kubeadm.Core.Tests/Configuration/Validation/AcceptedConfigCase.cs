using Kubeadm.Core.Configuration;

namespace Kubeadm.Core.Tests.Configuration.Validation;

/// <summary>A change that keeps the config valid, and the one warning it must produce (null for none).</summary>
internal sealed record AcceptedConfigCase(string Name, Action<KubeadmConfig> Change, string? ExpectedWarning = null);
