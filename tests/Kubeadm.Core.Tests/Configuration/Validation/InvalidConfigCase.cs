using Kubeadm.Core.Configuration;

namespace Kubeadm.Core.Tests.Configuration.Validation;

/// <summary>One way to break the valid config, and the kubeadm-formatted error it must produce.</summary>
internal sealed record InvalidConfigCase(string Name, Action<KubeadmConfig> Break, string FieldPath, string Expected);
