using k8s.Models;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Images;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.Upgrade.Apply;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// kubeadm's cluster health checks before `upgrade apply` (CheckClusterHealth), with kubeadm's check names so
/// --ignore-preflight-errors works on them: CreateJob (the cluster can schedule and run a Pod on a control-plane node:
/// a Job "upgrade-health-check" running the pause image with "-v", deleted afterwards), ControlPlaneNodesReady (every
/// control-plane Node is Ready) and StaticPodManifest (this node has its control-plane manifests). `upgrade apply` runs
/// them in its preflight phase, `upgrade plan` after reading kubeadm-config (both as kubeadm 1.34 does).
/// </summary>
public static class ClusterHealthChecks
{
    public const string CreateJob = "CreateJob";
    public const string ControlPlaneNodesReady = "ControlPlaneNodesReady";
    public const string StaticPodManifest = "StaticPodManifest";
    public const string HealthCheckJobName = "upgrade-health-check";
    private const string SystemNamespace = "kube-system";

    public static IReadOnlyList<PreflightCheck> For(ClusterHealthTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return
        [
            new PreflightCheck(CreateJob, ct => CreateJobAsync(target, ct)),
            new PreflightCheck(ControlPlaneNodesReady, ct => ControlPlaneNodesReadyAsync(target, ct)),
            new PreflightCheck(StaticPodManifest, _ => Task.FromResult(StaticPodManifests(target))),
        ];
    }

    /// <summary>Prints kubeadm's line, runs the checks (errors of the ignored ones as warnings) and fails when any other failed.</summary>
    public static async Task RunAsync(ClusterHealthTarget target, IgnoredPreflightErrors ignored, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("[upgrade] Running cluster health checks");
        var report = await PreflightChecksRunner.RunAsync(For(target), ignored, error, cancellationToken).ConfigureAwait(false);
        if (report.Failed)
        {
            throw new PreflightFailedException();
        }
    }

    /// <summary>The Job kubeadm creates to prove the cluster runs Pods: on a control-plane node, the pause image printing its version.</summary>
    public static V1Job HealthCheckJob(ClusterHealthTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new V1ObjectMeta { Name = HealthCheckJobName, NamespaceProperty = SystemNamespace },
            Spec = new V1JobSpec
            {
                BackoffLimit = 0,
                ActiveDeadlineSeconds = (long)Math.Ceiling(target.JobTimeout.TotalSeconds),
                TtlSecondsAfterFinished = 2,
                Template = new V1PodTemplateSpec
                {
                    Spec = new V1PodSpec
                    {
                        RestartPolicy = "Never",
                        TerminationGracePeriodSeconds = 0,
                        SecurityContext = new V1PodSecurityContext
                        {
                            RunAsUser = 999, RunAsGroup = 999, RunAsNonRoot = true, SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
                        },
                        Tolerations =
                        [
                            new V1Toleration { Key = KubeadmConstants.ControlPlaneLabel, Effect = "NoSchedule" },
                        ],
                        Affinity = new V1Affinity
                        {
                            NodeAffinity = new V1NodeAffinity
                            {
                                RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
                                {
                                    NodeSelectorTerms =
                                    [
                                        new V1NodeSelectorTerm
                                        {
                                            MatchExpressions = [new V1NodeSelectorRequirement { Key = KubeadmConstants.ControlPlaneLabel, OperatorProperty = "Exists" }],
                                        },
                                    ],
                                },
                            },
                        },
                        Containers =
                        [
                            new V1Container
                            {
                                Name = HealthCheckJobName,
                                Image = ControlPlaneImages.Pause(target.Cluster),
                                Args = ["-v"],
                                SecurityContext = new V1SecurityContext
                                {
                                    AllowPrivilegeEscalation = false,
                                    Capabilities = new V1Capabilities { Drop = ["ALL"] },
                                },
                            },
                        ],
                    },
                },
            },
        };
    }

    private static async Task<CheckOutcome> CreateJobAsync(ClusterHealthTarget target, CancellationToken cancellationToken)
    {
        if (target.DryRun)
        {
            return new CheckOutcome([], []);
        }

        var api = target.Api;
        try
        {
            // A Job left by an earlier, interrupted check would make this one look done: remove it first.
            await api.DeleteAsync<V1Job>(SystemNamespace, HealthCheckJobName, cancellationToken).ConfigureAwait(false);
            await api.CreateOrUpdateAsync(HealthCheckJob(target), cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException e)
        {
            return Error($"could not create Job \"{HealthCheckJobName}\" in the namespace \"{SystemNamespace}\": {e.Message}");
        }

        var timeout = target.JobTimeout;
        var start = target.Clock.GetTimestamp();
        string last = "the Job has not completed";
        try
        {
            while (target.Clock.GetElapsedTime(start) < timeout)
            {
                try
                {
                    var job = await api.GetAsync<V1Job>(SystemNamespace, HealthCheckJobName, cancellationToken).ConfigureAwait(false);
                    if (job?.Status?.Succeeded is > 0)
                    {
                        return new CheckOutcome([], []);
                    }

                    if (job?.Status?.Failed is > 0)
                    {
                        return Error($"Job \"{HealthCheckJobName}\" in the namespace \"{SystemNamespace}\" failed");
                    }
                }
                catch (ClusterApiException e)
                {
                    last = e.Message;
                }

                await Task.Delay(target.PollInterval, target.Clock, cancellationToken).ConfigureAwait(false);
            }

            return Error($"Job \"{HealthCheckJobName}\" in the namespace \"{SystemNamespace}\" did not complete in {StaticPodUpgrader.GoDurationText(timeout)}: {last}");
        }
        finally
        {
            await DeleteJobAsync(api, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the Job and its Pods (a Job deleted through the API orphans its Pods unless they are removed too).</summary>
    private static async Task DeleteJobAsync(IClusterApi api, CancellationToken cancellationToken)
    {
        try
        {
            await api.DeleteAsync<V1Job>(SystemNamespace, HealthCheckJobName, cancellationToken).ConfigureAwait(false);
            foreach (var pod in await api.ListAsync<V1Pod>(SystemNamespace, null, cancellationToken).ConfigureAwait(false))
            {
                if (pod.Metadata?.Labels?.TryGetValue("job-name", out var job) is true && job == HealthCheckJobName)
                {
                    await api.DeleteAsync<V1Pod>(SystemNamespace, pod.Metadata.Name, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (ClusterApiException)
        {
            // Best effort, as kubeadm: the Job's TTL removes it anyway.
        }
    }

    private static async Task<CheckOutcome> ControlPlaneNodesReadyAsync(ClusterHealthTarget target, CancellationToken cancellationToken)
    {
        IReadOnlyList<V1Node> nodes;
        try
        {
            nodes = await target.Api.ListAsync<V1Node>("", null, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException e)
        {
            return Error($"couldn't list control-planes in cluster: {e.Message}");
        }

        var controlPlanes = nodes.Where(n => n.Metadata?.Labels?.ContainsKey(KubeadmConstants.ControlPlaneLabel) is true).ToList();
        var notReady = controlPlanes
            // As kubeadm: a Node is NotReady when its Ready condition says so (one that reports no condition yet is not).
            .Where(n => n.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status != "True") is true)
            .Select(n => n.Metadata.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        return notReady.Count == 0
            ? new CheckOutcome([], [])
            : Error($"there are NotReady control-planes in the cluster: [{string.Join(' ', notReady)}]");
    }

    /// <summary>kubeadm's staticPodManifestHealth: the manifests of kube-apiserver, kube-controller-manager and kube-scheduler exist here.</summary>
    private static CheckOutcome StaticPodManifests(ClusterHealthTarget target)
    {
        var missing = UpgradeComponents.ControlPlane
            .Select(StaticPodUpgrader.ManifestPath)
            .Where(path => !target.FileSystem.FileExists(path))
            .ToList();
        return missing.Count == 0
            ? new CheckOutcome([], [])
            : Error("The control plane seems to be Static Pod-hosted, but some of the manifests don't seem to exist on disk. "
                + "This probably means you're running 'kubeadm upgrade' on a remote machine, which is not supported for a Static Pod-hosted cluster. "
                + $"Manifest files not found: [{string.Join(' ', missing)}]");
    }

    private static CheckOutcome Error(string message) => new([], [message]);
}
