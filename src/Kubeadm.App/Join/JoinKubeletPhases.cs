using k8s.KubeConfigModels;
using k8s.Models;
using Kubeadm.App.ClusterPhases;
using Kubeadm.App.Kubelet;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;

namespace Kubeadm.App.Join;

/// <summary>
/// `kubelet-start` and `kubelet-wait-bootstrap` of a join: write bootstrap-kubelet.conf (pointing at the local API
/// server on a control plane in ControlPlaneKubeletLocalMode) and the cluster CA, refuse a name a Ready Node already
/// has, write the kubelet's files with init's code and start it; then wait for its healthz and for the kubelet.conf its
/// TLS bootstrap writes. When that stalls, the CSR's state in the API says why.
/// </summary>
public static class JoinKubeletPhases
{
    public static readonly TimeSpan TlsBootstrapRetryInterval = TimeSpan.FromSeconds(1);

    /// <summary>Where the kubelet keeps the client certificate its TLS bootstrap got (kubelet.conf names it).</summary>
    public const string KubeletClientCertificate = "/var/lib/kubelet/pki/kubelet-client-current.pem";

    public static async Task StartAsync(JoinContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cluster = await context.ClusterAsync(cancellationToken).ConfigureAwait(false);
        var node = await context.NodeAsync(cancellationToken).ConfigureAwait(false);
        var bootstrap = BootstrapKubeletConfig(context, cluster.TlsBootstrap);
        var path = KubeadmConstants.KubeletBootstrapKubeConfigFile;
        context.FileSystem.CreateDirectory(KubeadmConstants.KubernetesDir, FileModes.Directory);
        context.FileSystem.WriteAllText(path, KubeconfigYamlWriter.Write(bootstrap), FileModes.Private);
        if (context.Options.Verbosity >= 1)
        {
            context.Out.WriteLine($"[kubelet-start] Wrote the TLS bootstrap kubeconfig to {path}");
        }

        if (!context.FileSystem.FileExists(context.Join.CaCertPath))
        {
            var ca = KubeconfigBuilder.DecodeData(bootstrap.Clusters?.First().ClusterEndpoint?.CertificateAuthorityData);
            context.FileSystem.CreateDirectory(Path.GetDirectoryName(context.Join.CaCertPath)!, FileModes.Directory);
            context.FileSystem.WriteAllText(context.Join.CaCertPath, ca, FileModes.Public);
            if (context.Options.Verbosity >= 1)
            {
                context.Out.WriteLine($"[kubelet-start] writing CA certificate at {context.Join.CaCertPath}");
            }
        }
        else
        {
            context.Plan?.FileReused(context.Join.CaCertPath);
        }

        await RefuseReadyNodeAsync(context, cluster.BootstrapClient, cancellationToken).ConfigureAwait(false);
        await KubeletStarter.RunAsync(node, joinOrder: true, cancellationToken).ConfigureAwait(false);
        if (!context.LocalMode)
        {
            await WaitBootstrapAsync(context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The kubelet-wait-bootstrap phase: runs when the cluster's ControlPlaneKubeletLocalMode gate is on.</summary>
    public static async Task WaitBootstrapLocalModeAsync(JoinContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.ClusterAsync(cancellationToken).ConfigureAwait(false);
        if (context.LocalMode)
        {
            await WaitBootstrapAsync(context, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task WaitBootstrapAsync(JoinContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var node = await context.NodeAsync(cancellationToken).ConfigureAwait(false);
        if (context.Plan is { } plan)
        {
            PlanBootstrap(context, plan);
            return;
        }

        if (context.DryRun)
        {
            context.Out.WriteLine("[kubelet-wait] Would wait for the kubelet to be bootstrapped");
            return;
        }

        try
        {
            await WaitControlPlanePhase.WaitForKubeletAsync(node, cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine("[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap");
            await WaitForKubeletConfAsync(context, cancellationToken).ConfigureAwait(false);
            if (!context.IsControlPlane && node.Config.SecurityProfile == Core.Security.SecurityProfile.Cis)
            {
                Security.ServingCertificateStep.PrintWorkerNote(context.Out, context.NodeName);
            }
        }
        finally
        {
            if (context.FileSystem.FileExists(KubeadmConstants.KubeletBootstrapKubeConfigFile))
            {
                context.FileSystem.DeleteFile(KubeadmConstants.KubeletBootstrapKubeConfigFile);
            }
        }
    }

    /// <summary>
    /// What the wait leaves behind, without waiting: the kubelet's TLS bootstrap writes kubelet.conf and its client
    /// certificate (unless a valid one is already there: the kubelet keeps it), then bootstrap-kubelet.conf is removed.
    /// </summary>
    private static void PlanBootstrap(JoinContext context, Plan.PlanSession plan)
    {
        const string ByTheKubelet = "written by the kubelet's TLS bootstrap (its CSR approved and signed by the cluster), not by kubeadm";
        plan.FileWrittenByOthers(KubeadmConstants.KubeletKubeConfigFile, ByTheKubelet);
        plan.FileWrittenByOthers(KubeletClientCertificate, ByTheKubelet);
        context.Out.WriteLine("[kubelet-start] Would wait for the kubelet to perform the TLS Bootstrap");
        if (context.FileSystem.FileExists(KubeadmConstants.KubeletBootstrapKubeConfigFile))
        {
            context.FileSystem.DeleteFile(KubeadmConstants.KubeletBootstrapKubeConfigFile);
        }
    }

    /// <summary>The TLS bootstrap kubeconfig as the kubelet gets it; a LocalMode control plane talks to its own API server.</summary>
    private static K8SConfiguration BootstrapKubeletConfig(JoinContext context, K8SConfiguration tlsBootstrap)
    {
        var copy = KubeconfigYamlReader.Read(KubeconfigYamlWriter.Write(tlsBootstrap), "tls-bootstrap");
        if (context.Join.ControlPlane is { } controlPlane && context.LocalMode)
        {
            var local = ApiServerUrl.Local(controlPlane.LocalApiEndpoint.AdvertiseAddress, controlPlane.LocalApiEndpoint.BindPort);
            foreach (var cluster in copy.Clusters ?? [])
            {
                cluster.ClusterEndpoint.Server = local;
            }
        }

        return copy;
    }

    private static async Task RefuseReadyNodeAsync(JoinContext context, IClusterApi client, CancellationToken cancellationToken)
    {
        V1Node? existing;
        try
        {
            existing = await client.GetAsync<V1Node>("", context.NodeName, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException e)
        {
            throw new KubeadmUserException($"cannot get Node \"{context.NodeName}\": {e.Message}", e);
        }

        var ready = existing?.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") ?? false;
        // A re-run on the node that registered it (its kubelet.conf is here) continues; anyone else must pick another name.
        if (ready && !context.FileSystem.FileExists(KubeadmConstants.KubeletKubeConfigFile))
        {
            throw new KubeadmUserException(
                $"a Node with name \"{context.NodeName}\" and status \"Ready\" already exists in the cluster. You must delete the existing Node or change the name of this new joining Node");
        }
    }

    private static async Task WaitForKubeletConfAsync(JoinContext context, CancellationToken cancellationToken)
    {
        var timeout = context.Join.Timeouts.TlsBootstrap ?? KubeadmConstants.TlsBootstrapTimeout;
        var start = context.Clock.GetUtcNow();
        var nextProgress = start + TimeSpan.FromSeconds(30);
        string? lastProblem = null;
        while (true)
        {
            lastProblem = KubeletConfProblem(context.FileSystem);
            if (lastProblem is null)
            {
                return;
            }

            var now = context.Clock.GetUtcNow();
            if (now - start >= timeout)
            {
                break;
            }

            if (now >= nextProgress)
            {
                context.Out.WriteLine($"[kubelet-start] Still waiting for the kubelet's TLS bootstrap after {GoDuration.Format(now - start)} ({lastProblem})");
                nextProgress = now + TimeSpan.FromSeconds(30);
            }

            await Task.Delay(TlsBootstrapRetryInterval, context.Clock, cancellationToken).ConfigureAwait(false);
        }

        var diagnosis = await TlsBootstrapDiagnosis.DescribeAsync(context, cancellationToken).ConfigureAwait(false);
        throw new KubeadmUserException(
            "error execution phase kubelet-start: timed out waiting for the kubelet to perform the TLS Bootstrap " +
            $"({lastProblem}, after {GoDuration.Format(timeout)})\n" + diagnosis +
            "\nUnfortunately, an error has occurred: the kubelet did not finish its TLS bootstrap.\n\n" +
            "This error is likely caused by:\n" +
            "\t- The kubelet is not running\n" +
            "\t- The kubelet is unhealthy due to a misconfiguration of the node in some way (required cgroups disabled)\n\n" +
            "If you are on a systemd-powered system, you can try to troubleshoot the error with the following commands:\n" +
            "\t- 'systemctl status kubelet'\n" +
            "\t- 'journalctl -xeu kubelet'");
    }

    /// <summary>Null when kubelet.conf exists and a client could be built from it (its certificate files included), else why not.</summary>
    internal static string? KubeletConfProblem(IFileSystem fileSystem)
    {
        var path = KubeadmConstants.KubeletKubeConfigFile;
        if (!fileSystem.FileExists(path))
        {
            return $"{path} does not exist yet";
        }

        try
        {
            var kubeconfig = KubeconfigYamlReader.Read(fileSystem.ReadAllText(path), path);
            var user = kubeconfig.Users?.FirstOrDefault()?.UserCredentials;
            foreach (var file in new[] { user?.ClientCertificate, user?.ClientKey }.OfType<string>())
            {
                if (!fileSystem.FileExists(file))
                {
                    return $"{path} names {file}, which does not exist yet";
                }
            }

            return null;
        }
        catch (Exception e) when (e is KubeconfigFormatException or IOException)
        {
            return $"{path} cannot be read yet: {e.Message}";
        }
    }
}
