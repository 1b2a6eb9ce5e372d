using Kubeadm.Core.Configuration;

namespace Kubeadm.App.Init;

/// <summary>The final configuration for a run, and the runtime-only options that are not part of it.</summary>
public sealed record LoadedInitConfiguration(KubeadmConfig Config, InitOptions Options);
