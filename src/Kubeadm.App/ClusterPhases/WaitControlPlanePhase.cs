using System.Text;
using System.Text.Json.Nodes;
using Kubeadm.App.Init;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Constants;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Health;
using Kubeadm.Core.Kubelet;
using Kubeadm.Core.Runtime;

namespace Kubeadm.App.ClusterPhases;

/// <summary>
/// `kubeadm init phase wait-control-plane`: wait for the kubelet's healthz, then for every control-plane component's
/// health endpoint (read from the manifests on disk), each within its configured timeout. On failure kubeadm's
/// troubleshooting advice is printed, after the control-plane containers and the failing components' last log lines
/// as the container runtime reports them. In --dry-run nothing is waited for; what would be checked is printed.
/// </summary>
public static class WaitControlPlanePhase
{
    private const string KubeletCheck = "[kubelet-check]";
    private const string ControlPlaneCheck = "[control-plane-check]";

    public static async Task RunAsync(InitContext context, CancellationToken cancellationToken)
    {
        using var prober = new HttpHealthProber();
        await RunAsync(context, prober, cancellationToken).ConfigureAwait(false);
    }

    public static async Task RunAsync(InitContext context, IHealthProber prober, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Out;
        if (context.DryRun)
        {
            var directory = context.DryRunDirectory ?? KubeadmConstants.ManifestsDir;
            output.WriteLine($"[dryrun] Wrote certificates, kubeconfig files and control plane manifests to the \"{directory}\" directory");
            output.WriteLine("[dryrun] The certificates or kubeconfig files would not be printed due to their sensitive nature");
            output.WriteLine($"[dryrun] Please examine the \"{directory}\" directory for details about what would be written");
        }

        output.WriteLine($"[wait-control-plane] Waiting for the kubelet to boot up the control plane as static Pods from directory \"{KubeadmConstants.ManifestsDir}\"");
        var (healthzAddress, healthzPort) = KubeletHealthz(context);
        if (context.DryRun)
        {
            output.WriteLine($"[dryrun] Would make sure the kubelet returns 'ok' at http://{healthzAddress}:{healthzPort}/healthz");
            foreach (var target in ComponentTargets(context, ReadManifests(context)))
            {
                output.WriteLine($"[dryrun] Would wait for {target.Name} to be healthy at {target.Url}");
            }

            return;
        }

        var waiter = new HealthWaiter(prober, context.Clock);
        await WaitForKubeletAsync(context, waiter, healthzAddress, healthzPort, cancellationToken).ConfigureAwait(false);
        await WaitForComponentsAsync(context, waiter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Only the kubelet's healthz wait (join's kubelet-wait-bootstrap).</summary>
    public static async Task WaitForKubeletAsync(InitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var prober = new HttpHealthProber();
        var (address, port) = KubeletHealthz(context);
        await WaitForKubeletAsync(context, new HealthWaiter(prober, context.Clock), address, port, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Only the control-plane components' health waits (join's wait-control-plane).</summary>
    public static async Task WaitForComponentsAsync(InitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var prober = new HttpHealthProber();
        await WaitForComponentsAsync(context, new HealthWaiter(prober, context.Clock), cancellationToken).ConfigureAwait(false);
    }

    private static async Task WaitForKubeletAsync(InitContext context, HealthWaiter waiter, string address, int port, CancellationToken cancellationToken)
    {
        var output = context.Out;
        if (ControlPlaneHealthTargets.Kubelet(address, port) is not { } kubelet)
        {
            output.WriteLine($"{KubeletCheck} Skipping the kubelet health check because the healthz port is set to 0");
            return;
        }

        var timeout = context.Config.Init.Timeouts.KubeletHealthCheck ?? KubeadmConstants.KubeletHealthCheckTimeout;
        output.WriteLine($"{KubeletCheck} Waiting for a healthy kubelet at {kubelet.Url}. This can take up to {GoDuration.Format(timeout)}");
        var outcomes = await waiter.WaitAsync(
            [kubelet],
            timeout,
            outcome => output.WriteLine($"{KubeletCheck} The kubelet is {(outcome.Healthy ? "" : "not ")}healthy after {GoDuration.Format(outcome.Elapsed)}"),
            (elapsed, pending) => output.WriteLine(
                $"{KubeletCheck} Still waiting for the kubelet after {GoDuration.Format(elapsed)} (last error: {ControlPlaneTroubleshooting.KubeletError(pending[0])})"),
            cancellationToken).ConfigureAwait(false);
        if (!outcomes[0].Healthy)
        {
            throw Failure(context, ControlPlaneTroubleshooting.KubeletError(outcomes[0]));
        }
    }

    private static async Task WaitForComponentsAsync(InitContext context, HealthWaiter waiter, CancellationToken cancellationToken)
    {
        var output = context.Out;
        var manifests = ReadManifests(context);
        var timeout = context.Config.Init.Timeouts.ControlPlaneComponentHealthCheck ?? KubeadmConstants.ControlPlaneComponentHealthCheckTimeout;
        output.WriteLine($"{ControlPlaneCheck} Waiting for healthy control plane components. This can take up to {GoDuration.Format(timeout)}");
        var targets = ComponentTargets(context, manifests);
        foreach (var target in targets)
        {
            output.WriteLine($"{ControlPlaneCheck} Checking {target.Name} at {target.Url}");
        }

        var outcomes = await waiter.WaitAsync(
            targets,
            timeout,
            outcome => output.WriteLine(
                $"{ControlPlaneCheck} {outcome.Target.Name} is {(outcome.Healthy ? "" : "not ")}healthy after {GoDuration.Format(outcome.Elapsed)}"),
            (elapsed, pending) =>
            {
                foreach (var outcome in pending)
                {
                    output.WriteLine(
                        $"{ControlPlaneCheck} Still waiting for {outcome.Target.Name} after {GoDuration.Format(elapsed)} (last error: {ControlPlaneTroubleshooting.ComponentError(outcome)})");
                }
            },
            cancellationToken).ConfigureAwait(false);
        var failing = outcomes.Where(outcome => !outcome.Healthy).ToList();
        if (failing.Count > 0)
        {
            if (context.ContainerRuntime is { } connect)
            {
                try
                {
                    await using var runtime = connect();
                    context.Out.Write(await ControlPlaneContainerReport.BuildAsync(
                        runtime, context.FileSystem, [.. failing.Select(outcome => outcome.Target.Name)], cancellationToken).ConfigureAwait(false));
                }
                catch (ContainerRuntimeException e)
                {
                    context.Out.WriteLine($"[control-plane-check] Could not ask the container runtime about the control-plane containers: {e.Message}");
                }
            }

            throw Failure(context, ControlPlaneHealthTargets.Aggregate([.. failing.Select(ControlPlaneTroubleshooting.ComponentError)]));
        }
    }

    /// <summary>The kubelet's healthz address and port from the KubeletConfiguration kubeadm generates (before patches).</summary>
    private static (string Address, int Port) KubeletHealthz(InitContext context)
    {
        var kubelet = KubeletConfigurationBuilder.Build(context.Config, systemdResolvedActive: false, _ => { });
        var address = kubelet["healthzBindAddress"] is JsonValue a && a.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : KubeletConfigurationBuilder.HealthzBindAddress;
        // Read by its JSON text: a port decoded from the user's YAML is a JsonValue<long>, which TryGetValue<int> refuses.
        var port = kubelet["healthzPort"] is JsonValue p && p.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && int.TryParse(p.ToJsonString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : KubeadmConstants.KubeletHealthzPort;
        return (address, port);
    }

    /// <summary>Each control-plane manifest's text; any file that cannot be read fails the phase as kubeadm does.</summary>
    private static Dictionary<string, string?> ReadManifests(InitContext context)
    {
        var manifests = new Dictionary<string, string?>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var component in ControlPlaneHealthTargets.ComponentOrder)
        {
            var path = ComponentNames.ManifestPath(KubeadmConstants.ManifestsDir, component);
            try
            {
                manifests[component] = Encoding.UTF8.GetString(context.FileSystem.ReadAllBytes(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"failed to read manifest for \"{path}\": {e.Message}");
            }
        }

        return errors.Count == 0 ? manifests : throw Failure(context, ControlPlaneHealthTargets.Aggregate(errors));
    }

    private static IReadOnlyList<HealthCheckTarget> ComponentTargets(InitContext context, Dictionary<string, string?> manifests)
    {
        try
        {
            return ControlPlaneHealthTargets.FromManifests(manifests, context.Config.Init.LocalApiEndpoint.AdvertiseAddress);
        }
        catch (FormatException e)
        {
            throw Failure(context, e.Message);
        }
    }

    private static KubeadmUserException Failure(InitContext context, string error)
    {
        context.Out.Write(ControlPlaneTroubleshooting.Text(error, context.Config.Init.NodeRegistration.CriSocket));
        context.Out.Write(ControlPlaneTroubleshooting.UsualCauses(context.Config.Init.NodeRegistration.CriSocket));
        return new KubeadmUserException(ControlPlaneTroubleshooting.FailureMessage);
    }
}
