namespace Kubeadm.Core.Pki;

/// <summary>A key a run will need: the name its phase takes it by from the <see cref="PrivateKeyPool"/>, and its algorithm.</summary>
public sealed record KeyRequest(string Name, KeyAlgorithm Algorithm);
