namespace Kubeadm.Core.Host;

/// <summary>
/// Where <see cref="DryRunFileSystem"/> also copies each write so the user can inspect the files
/// (kubeadm's "dry-run directory"): host path <c>/etc/x</c> is written to <c>&lt;Root&gt;/etc/x</c> on <see cref="FileSystem"/>.
/// </summary>
/// <param name="FileSystem">The real file system the copies go to.</param>
/// <param name="Root">An absolute host directory other than <c>/</c>, e.g. <c>/etc/kubernetes/tmp/kubeadm-init-dryrun123</c>.</param>
public sealed record DryRunMirror(IFileSystem FileSystem, string Root);
