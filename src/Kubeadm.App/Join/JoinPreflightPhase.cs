using Kubeadm.App.Preflight;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.UploadCerts;

namespace Kubeadm.App.Join;

/// <summary>
/// `kubeadm join phase preflight`: the node checks, then discovery and the cluster's configuration, then, for a control
/// plane, the conditions for a new control-plane instance and the control-plane checks. A node that holds the state
/// of an earlier join to this very cluster (same CA) continues from it: the checks that fail only because of that
/// state are warnings.
/// </summary>
public static class JoinPreflightPhase
{
    public const string NotReadyForControlPlane =
        "One or more conditions for hosting a new control plane instance is not satisfied.";

    public static async Task RunAsync(JoinContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.PreflightHost ?? throw new InvalidOperationException("the join context has no preflight host");
        context.Out.WriteLine("[preflight] Running pre-flight checks");
        var earlier = EarlierJoinState.Find(context.FileSystem, context.Join);
        IEnumerable<string> ignoredNames = context.Join.NodeRegistration.IgnorePreflightErrors;
        if (earlier.Count > 0)
        {
            context.Out.WriteLine(
                "[preflight] This node holds files of an earlier 'kubeadm join' (" + string.Join(", ", earlier) + "); if they belong to this " +
                "cluster (checked after discovery) the join continues from them, otherwise it stops. Checks that fail only because of them are warnings.");
            ignoredNames = ignoredNames.Concat(EarlierJoinState.ResumableChecks(context.Join));
        }

        var ignored = new IgnoredPreflightErrors(ignoredNames);
        var root = await PreflightChecksRunner.RunAsync([InitPreflightChecks.PrivilegedUser(host)], ignored, context.Err, cancellationToken).ConfigureAwait(false);
        if (root.Failed)
        {
            throw new PreflightFailedException();
        }

        var nodeOnly = new KubeadmConfig { Init = { NodeRegistration = context.Join.NodeRegistration } };
        nodeOnly.Cluster.KubernetesVersion = $"v{KubeadmVersion.Major}.{KubeadmVersion.Minor}.0";
        var connect = context.ContainerRuntime ?? throw new InvalidOperationException("the join context has no container runtime client");
        var inputs = new PreflightInputs(nodeOnly, context.FileSystem, host, context.GetEnvironmentVariable, context.Out)
        {
            Clock = context.Clock,
            ContainerRuntime = connect,
        };
        var report = await PreflightChecksRunner.RunAsync(JoinNodeChecks(inputs, context.Join), ignored, context.Err, cancellationToken).ConfigureAwait(false);
        if (report.Failed)
        {
            throw new PreflightFailedException();
        }

        var cluster = await context.ClusterAsync(cancellationToken).ConfigureAwait(false);
        if (earlier.Count > 0)
        {
            EarlierJoinState.RequireSameCluster(context.FileSystem, context.Join, cluster.TlsBootstrap);
        }

        if (!context.IsControlPlane)
        {
            return;
        }

        CheckReadyForControlPlane(context, cluster.Node.Cluster);
        context.Out.WriteLine("[preflight] Running pre-flight checks before initializing the new control plane instance");
        var controlPlaneIgnored = earlier.Count > 0
            ? new IgnoredPreflightErrors(ignoredNames.Concat(EarlierJoinState.ResumableControlPlaneChecks(cluster.Node)))
            : ignored;
        var controlPlaneInputs = new PreflightInputs(cluster.Node, context.FileSystem, host, context.GetEnvironmentVariable, context.Out)
        {
            Clock = context.Clock,
            ContainerRuntime = connect,
        };
        var controlPlaneReport = await PreflightChecksRunner.RunAsync(
            InitPreflightChecks.Create(controlPlaneInputs, secondaryControlPlane: true), controlPlaneIgnored, context.Err, cancellationToken).ConfigureAwait(false);
        if (controlPlaneReport.Failed)
        {
            throw new PreflightFailedException();
        }

        if (context.DryRun)
        {
            context.Out.WriteLine(PreflightPhase.WouldPullImages);
            return;
        }

        foreach (var line in ImagePullCheck.Intro)
        {
            context.Out.WriteLine(line);
        }

        var pull = ImagePullCheck.Create(cluster.Node, connect, context.Err, context.Options.Verbosity);
        if ((await PreflightChecksRunner.RunAsync([pull], controlPlaneIgnored, context.Err, cancellationToken).ConfigureAwait(false)).Failed)
        {
            throw new PreflightFailedException();
        }
    }

    /// <summary>kubeadm's RunJoinNodeChecks: the two kubelet kubeconfigs must not exist, the common checks, the kubelet port, the worker's CA path.</summary>
    private static List<PreflightCheck> JoinNodeChecks(PreflightInputs inputs, JoinConfiguration join)
    {
        var checks = new List<PreflightCheck>
        {
            InitPreflightChecks.FileAvailable(inputs, KubeadmConstants.KubeletKubeConfigFile),
            InitPreflightChecks.FileAvailable(inputs, KubeadmConstants.KubeletBootstrapKubeConfigFile),
        };
        checks.AddRange(NodeChecks.Common(inputs));
        checks.Add(InitPreflightChecks.Port(inputs.Host, KubeadmConstants.KubeletPort));
        if (join.ControlPlane is null)
        {
            checks.Add(InitPreflightChecks.FileAvailable(inputs, join.CaCertPath));
        }

        var endpoint = join.Discovery.BootstrapToken?.ApiServerEndpoint ?? "";
        var host = endpoint.Contains(':', StringComparison.Ordinal) ? endpoint[..endpoint.LastIndexOf(':')].Trim('[', ']') : endpoint;
        checks.AddRange(InitPreflightChecks.ForwardingChecks(inputs, [], host));
        return checks;
    }

    private static void CheckReadyForControlPlane(JoinContext context, ClusterConfiguration cluster)
    {
        var problems = new List<string>();
        if (cluster.ControlPlaneEndpoint.Length == 0)
        {
            problems.Add("unable to add a new control plane instance to a cluster that doesn't have a stable controlPlaneEndpoint address");
        }
        else if (context.Join.ControlPlane!.CertificateKey.Length == 0)
        {
            problems.AddRange(SharedCertificates.Missing(context.FileSystem, cluster));
        }

        if (problems.Count > 0)
        {
            throw new KubeadmUserException(
                $"{NotReadyForControlPlane}\n\n{string.Join('\n', problems)}\n\nPlease ensure that:\n" +
                "* The cluster has a stable controlPlaneEndpoint address.\n" +
                "* The certificates that must be shared among control plane instances are provided.\n");
        }
    }
}

/// <summary>
/// Without --certificate-key the shared CA and service-account files must already be on this node; a missing CA key
/// is allowed (external CA mode).
/// </summary>
internal static class SharedCertificates
{
    public static IEnumerable<string> Missing(Kubeadm.Core.Host.IFileSystem fileSystem, ClusterConfiguration cluster) =>
        KubeadmCertsSecret.FilesFor(cluster)
            .Where(file => !file.DataKey.EndsWith("ca.key", StringComparison.Ordinal))
            .Where(file => !fileSystem.FileExists(file.Path))
            .Select(file => $"failure loading {file.DataKey}: couldn't load the file {file.Path}: no such file or directory");
}
