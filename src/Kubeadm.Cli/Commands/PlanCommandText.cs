using Kubeadm.App.Plan;
using Kubeadm.Core.Errors;

namespace Kubeadm.Cli.Commands;

/// <summary>`init --plan` and `join --plan` on the command line: help, flag checks, output and exit code.</summary>
public static class PlanCommandText
{
    /// <summary>The exit code when a conflict would stop the real run.</summary>
    public const int ConflictExitCode = 2;

    public const string InitFlagHelp =
        "Change nothing; read this node (and the cluster through admin.conf, when it answers) and print what init would do to every file and API object: "
        + "create, unchanged, update (with a diff) or conflict (why, and the fix), and which phases have nothing to do. "
        + "Exit 0 when init could proceed, 2 when a conflict would stop it. With -o json|yaml the plan is printed as JSON or YAML.";

    public const string JoinFlagHelp =
        "Change nothing; read this node and the cluster (discovery runs for real: it only reads cluster-info) and print what join would do to every file, "
        + "API object and etcd member: create, unchanged, update (with a diff) or conflict (why, and the fix), and which phases have nothing to do. "
        + "Exit 0 when join could proceed, 2 when a conflict would stop it. With -o json|yaml the plan is printed as JSON or YAML.";

    public static void CheckFlags(bool dryRun, string format)
    {
        if (dryRun)
        {
            throw new KubeadmUserException("--plan and --dry-run cannot be used together: --plan already changes nothing (use one or the other)");
        }

        if (format is not ("" or "text" or "json" or "yaml"))
        {
            throw new KubeadmUserException($"invalid value \"{format}\" for flag -o/--output: must be one of text, json, yaml");
        }
    }

    public static async Task<int> WriteAsync(TextWriter output, NodePlan plan, string format)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(plan);
        await output.WriteAsync(format is "json" or "yaml" ? NodePlanJson.Render(plan, format) : NodePlanText.Render(plan)).ConfigureAwait(false);
        return plan.CanProceed ? 0 : ConflictExitCode;
    }
}
