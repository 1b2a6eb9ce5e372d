using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Upgrade;

/// <summary>What the cluster health checks look at: the API, the cluster's configuration (pause image, local etcd), this node's files.</summary>
public sealed record ClusterHealthTarget
{
    public required IClusterApi Api { get; init; }

    public required ClusterConfiguration Cluster { get; init; }

    /// <summary>This node's files (the StaticPodManifest check).</summary>
    public required IFileSystem FileSystem { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How long the health-check Job may take (timeouts.kubernetesAPICall).</summary>
    public TimeSpan JobTimeout { get; init; } = KubeadmConstants.KubernetesApiCallTimeout;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>No Job is created (the dry-run API client would only print it).</summary>
    public bool DryRun { get; init; }

    public static ClusterHealthTarget Of(UpgradeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ClusterHealthTarget
        {
            Api = context.Api,
            Cluster = context.Config.Cluster,
            FileSystem = context.FileSystem,
            Clock = context.Clock,
            JobTimeout = context.Config.Init.Timeouts.KubernetesApiCall ?? KubeadmConstants.KubernetesApiCallTimeout,
            PollInterval = context.Options.PollInterval,
            DryRun = context.DryRun,
        };
    }
}
