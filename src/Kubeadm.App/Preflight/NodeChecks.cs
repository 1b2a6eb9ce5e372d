using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Host;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.Runtime;

namespace Kubeadm.App.Preflight;

/// <summary>The checks kubeadm runs on every node it sets up (its "common checks"), plus Firewalld.</summary>
public static class NodeChecks
{
    public const string NoInitSystem = "no supported init system detected, skipping checking for services";

    private static readonly string[] RequiredExecutables = ["ip", "iptables", "mount", "nsenter"];
    private static readonly string[] OptionalExecutables = ["ebtables", "ethtool", "socat", "tc", "touch"];

    /// <summary>CRI, Swap, FileExisting-*, SystemVerification, Hostname, KubeletVersion and Service-Kubelet, in that order.</summary>
    public static IReadOnlyList<PreflightCheck> Common(PreflightInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var host = inputs.Host;
        var kubernetesVersion = inputs.Config.Cluster.KubernetesVersion;
        var checks = new List<PreflightCheck>
        {
            ContainerRuntime(inputs.ContainerRuntime),
            PreflightCheck.Of("Swap", () => HostFileRules.CheckSwaps(inputs.ReadText(HostFileRules.SwapsPath))),
        };

        // kube-proxy stopped needing conntrack on PATH in 1.32.
        var needsConntrack = SemanticVersion.TryParse(kubernetesVersion, out var target) && target < new SemanticVersion(1, 32, 0, "", "");
        var required = needsConntrack ? ["conntrack", .. RequiredExecutables] : RequiredExecutables;
        checks.AddRange(required.Select(name => InPath(host, name, mandatory: true)));
        checks.AddRange(OptionalExecutables.Select(name => InPath(host, name, mandatory: false)));
        checks.Add(SystemVerificationCheck(inputs));
        checks.Add(Hostname(host, inputs.Config.Init.NodeRegistration.Name));
        checks.Add(new PreflightCheck("KubeletVersion", ct => KubeletVersionAsync(host, kubernetesVersion, ct)));
        checks.Add(new PreflightCheck("Service-Kubelet", ct => KubeletServiceAsync(host, ct)));
        return checks;
    }

    public static PreflightCheck Firewalld(IPreflightHost host, int[] ports)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new PreflightCheck("Firewalld", async ct =>
        {
            var status = await host.GetServiceStatusAsync("firewalld", ct).ConfigureAwait(false);
            if (status is null)
            {
                return CheckOutcome.Warning(NoInitSystem);
            }

            return status.Exists && status.IsActive
                ? CheckOutcome.Warning($"firewalld is active, please ensure ports [{string.Join(' ', ports)}] are open or your cluster may not function correctly")
                : CheckOutcome.Passed;
        });
    }

    /// <summary>CRI: asks the runtime for its version and status; an error unless it answers and reports RuntimeReady.</summary>
    public static PreflightCheck ContainerRuntime(Func<IContainerRuntime> connect)
    {
        ArgumentNullException.ThrowIfNull(connect);
        return new PreflightCheck("CRI", async ct =>
        {
            try
            {
                await using var runtime = connect();
                await RuntimeChecks.CheckRunningAsync(runtime, ct).ConfigureAwait(false);
                return CheckOutcome.Passed;
            }
            catch (ContainerRuntimeException e)
            {
                return CheckOutcome.Error(e.Message);
            }
        });
    }

    private static PreflightCheck InPath(IPreflightHost host, string executable, bool mandatory) =>
        PreflightCheck.Of($"FileExisting-{executable}", () =>
        {
            if (host.FindExecutable(executable) is not null)
            {
                return CheckOutcome.Passed;
            }

            var message = $"{executable} not found in system path";
            return mandatory ? CheckOutcome.Error(message) : CheckOutcome.Warning(message);
        });

    private static PreflightCheck SystemVerificationCheck(PreflightInputs inputs) =>
        PreflightCheck.Of("SystemVerification", () =>
        {
            var kernel = inputs.ReadText(SystemVerification.KernelReleasePath);
            var v2 = inputs.ReadText(SystemVerification.CgroupV2ControllersPath);
            var result = SystemVerification.Verify(kernel, v2, v2 is null ? inputs.ReadText(SystemVerification.CgroupV1Path) : null);
            if (result.Outcome.Errors.Count > 0)
            {
                inputs.Out.WriteLine(SystemVerification.FailureHeader);
                // The report lists what was checked; when it is empty the errors themselves explain the failure.
                foreach (var line in result.Report.Count > 0 ? result.Report : result.Outcome.Errors)
                {
                    inputs.Out.WriteLine(line);
                }
            }

            return result.Outcome;
        });

    private static PreflightCheck Hostname(IPreflightHost host, string nodeName) =>
        new("Hostname", async ct =>
        {
            var warnings = QualifiedName.Errors(nodeName).Select(message => $"invalid node name format \"{nodeName}\": {message}").ToList();
            var lookup = await host.LookupHostAsync(nodeName, ct).ConfigureAwait(false);
            if (lookup.Addresses.Count == 0)
            {
                warnings.Add($"hostname \"{nodeName}\" could not be reached");
            }

            if (lookup.Error is { } error)
            {
                warnings.Add($"hostname \"{nodeName}\": {error}");
            }

            return new CheckOutcome(warnings, []);
        });

    private static async Task<CheckOutcome> KubeletVersionAsync(IPreflightHost host, string kubernetesVersion, CancellationToken cancellationToken)
    {
        const string Prefix = "couldn't get kubelet version: ";
        ProcessResult result;
        try
        {
            result = await host.RunAsync("kubelet", ["--version"], cancellationToken).ConfigureAwait(false);
        }
        catch (ExecutableNotFoundException)
        {
            return CheckOutcome.Error(Prefix + "cannot execute 'kubelet --version': executable file not found in $PATH");
        }

        if (result.ExitCode != 0)
        {
            return CheckOutcome.Error(Prefix + $"cannot execute 'kubelet --version': exit status {result.ExitCode}");
        }

        var output = result.StandardOutput.Trim();
        return VersionRules.ParseKubeletVersion(output) is { } version
            ? VersionRules.CheckKubeletVersion(version, kubernetesVersion)
            : CheckOutcome.Error(Prefix + $"Unable to parse output from Kubelet: \"{output}\"");
    }

    private static async Task<CheckOutcome> KubeletServiceAsync(IPreflightHost host, CancellationToken cancellationToken)
    {
        var status = await host.GetServiceStatusAsync("kubelet", cancellationToken).ConfigureAwait(false);
        if (status is null)
        {
            return CheckOutcome.Warning(NoInitSystem);
        }

        if (!status.Exists)
        {
            return CheckOutcome.Warning("kubelet service does not exist");
        }

        // `systemctl is-enabled` (what kubeadm runs) succeeds for these states.
        string[] enabledStates = ["enabled", "enabled-runtime", "static", "indirect", "generated", "alias"];
        return enabledStates.Contains(status.UnitFileState, StringComparer.Ordinal)
            ? CheckOutcome.Passed
            : CheckOutcome.Warning("kubelet service is not enabled, please run 'systemctl enable kubelet.service'");
    }
}
