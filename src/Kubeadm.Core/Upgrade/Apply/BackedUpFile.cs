namespace Kubeadm.Core.Upgrade.Apply;

/// <summary>A host file an upgrade replaced, and where its earlier content is kept.</summary>
/// <param name="Original">The host path the upgrade rewrote (a manifest, certificate, key or kubeconfig).</param>
/// <param name="Backup">Where the earlier content is.</param>
public sealed record BackedUpFile(string Original, string Backup);
