using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;
using Kubeadm.Core.EtcdApi;
using Kubeadm.Core.Host;
using Kubeadm.Core.Runtime;

namespace Kubeadm.App.Reset;

/// <summary>What the reset phases share: the settled options, the host ports, and the cluster's configuration if it could be read.</summary>
public sealed class ResetContext
{
    /// <summary>The host file system; under --dry-run an overlay that never reaches the host.</summary>
    public required IFileSystem FileSystem { get; init; }

    /// <summary>The init system; under --dry-run a recorder.</summary>
    public required IServiceManager ServiceManager { get; init; }

    /// <summary>The host's mounts (never changed under --dry-run: the phase only reads them then).</summary>
    public required IMountTable Mounts { get; init; }

    /// <summary>Opens a client for the node's container runtime at <see cref="CriSocket"/>.</summary>
    public required Func<IContainerRuntime> ContainerRuntime { get; init; }

    public required TextWriter Out { get; init; }

    public required TextWriter Err { get; init; }

    /// <summary>Reads one answer line from standard input; null when there is no more input.</summary>
    public required Func<string?> ReadLine { get; init; }

    /// <summary>Whether kubeadm runs with root privileges (the reset preflight's only check).</summary>
    public required Func<bool> IsPrivilegedUser { get; init; }

    public bool DryRun { get; init; }

    public bool Force { get; init; }

    public bool CleanupTmpDir { get; init; }

    public required string CertificatesDir { get; init; }

    public required string CriSocket { get; init; }

    /// <summary>Lower-cased check names from --ignore-preflight-errors and the config ("all" ignores every check).</summary>
    public IReadOnlyList<string> IgnorePreflightErrors { get; init; } = [];

    public IReadOnlyList<string> UnmountFlags { get; init; } = [];

    /// <summary>skipPhases from the ResetConfiguration when --skip-phases was not given.</summary>
    public IReadOnlyList<string> SkipPhases { get; init; } = [];

    /// <summary>The ClusterConfiguration from the kubeadm-config ConfigMap; null when it could not be read.</summary>
    public ClusterConfiguration? ClusterConfiguration { get; init; }

    public int Verbosity { get; init; }

    /// <summary>How long etcd calls are retried (timeouts.etcdAPICall, default 2m).</summary>
    public TimeSpan EtcdApiCallTimeout { get; init; } = KubeadmConstants.EtcdApiCallTimeout;

    /// <summary>An etcd client for the given client URLs, retrying each call for up to the given time.</summary>
    public required Func<IReadOnlyList<string>, TimeSpan, IEtcdCluster> EtcdClientFor { get; init; }

    /// <summary>Problems that did not stop the reset (kubeadm warns and goes on), in order.</summary>
    public List<string> Unfinished { get; } = [];

    /// <summary>Prints a warning to stderr as kubeadm's klog warnings go there.</summary>
    public void Warn(string message) => Err.WriteLine(message);

    /// <summary>Records something reset could not do, and warns about it.</summary>
    public void ReportUnfinished(string message)
    {
        Unfinished.Add(message);
        Warn(message);
    }
}
