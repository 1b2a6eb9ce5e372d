using Kubeadm.App.Init;
using Kubeadm.Core.Preflight;
using Kubeadm.Workflow;

namespace Kubeadm.App.Preflight;

/// <summary>
/// The `preflight` phase of `kubeadm init`: the root check on its own, then every init check; fatal errors stop
/// the run with "preflight checks failed"; then the ImagePull check pulls the missing images through CRI. Checks
/// also run in --dry-run (they only read the host); images are not pulled then.
/// </summary>
public static class PreflightPhase
{
    public const string WouldPullImages = "[preflight] Would pull the required images (like 'kubeadm config images pull')";

    public static Phase<InitContext> Create() => new()
    {
        Name = "preflight",
        Short = "Check that this machine can become a control-plane node",
        Long = "Checks this machine before anything is written: root, CPUs and memory, free ports, that the files init writes do not exist yet, the container runtime, swap and kernel settings, and pulls the control-plane images. A failed check stops init unless --ignore-preflight-errors names it.",
        Example = "  kubeadm init phase preflight --config kubeadm-config.yaml",
        InheritFlags = ["config", "cri-socket", "dry-run", "ignore-preflight-errors", "image-repository"],
        Run = RunAsync,
    };

    public static async Task RunAsync(InitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.PreflightHost
            ?? throw new InvalidOperationException("the init context has no preflight host");
        IEnumerable<string> ignoredNames = context.Config.Init.NodeRegistration.IgnorePreflightErrors;
        context.Out.WriteLine("[preflight] Running pre-flight checks");
        if (EarlierInitState.IsPresent(context.FileSystem, context.Config))
        {
            var resumable = EarlierInitState.ResumableChecks(context.Config);
            context.Out.WriteLine(
                "[preflight] This node holds the state of an earlier 'kubeadm init' (CA, admin.conf, static Pod manifests): continuing from it. "
                + "Checks that fail only because of it are reported as warnings: " + string.Join(", ", resumable));
            ignoredNames = ignoredNames.Concat(resumable);
        }

        var ignored = new IgnoredPreflightErrors(ignoredNames);

        var root = await PreflightChecksRunner.RunAsync([InitPreflightChecks.PrivilegedUser(host)], ignored, context.Err, cancellationToken)
            .ConfigureAwait(false);
        if (root.Failed)
        {
            throw new PreflightFailedException();
        }

        var connect = context.ContainerRuntime
            ?? throw new InvalidOperationException("the init context has no container runtime client");
        var inputs = new PreflightInputs(context.Config, context.FileSystem, host, context.GetEnvironmentVariable, context.Out)
        {
            Clock = context.Clock,
            ContainerRuntime = connect,
        };
        var report = await PreflightChecksRunner.RunAsync(InitPreflightChecks.Create(inputs), ignored, context.Err, cancellationToken)
            .ConfigureAwait(false);
        if (report.Failed)
        {
            throw new PreflightFailedException();
        }

        if (context.DryRun)
        {
            context.Out.WriteLine(WouldPullImages);
            return;
        }

        foreach (var line in ImagePullCheck.Intro)
        {
            context.Out.WriteLine(line);
        }

        var pull = ImagePullCheck.Create(context.Config, connect, context.Err, context.Options.Verbosity);
        if ((await PreflightChecksRunner.RunAsync([pull], ignored, context.Err, cancellationToken).ConfigureAwait(false)).Failed)
        {
            throw new PreflightFailedException();
        }
    }
}
