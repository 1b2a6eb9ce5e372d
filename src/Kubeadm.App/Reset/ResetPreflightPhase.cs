using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Errors;
using Kubeadm.Workflow;

namespace Kubeadm.App.Reset;

/// <summary>The reset "preflight" phase: the confirmation prompt (unless --force or --dry-run), then the root check.</summary>
public static class ResetPreflightPhase
{
    public const string NotConfirmed = "won't proceed; the user didn't answer (Y|y) in order to continue";
    private const string CheckName = "IsPrivilegedUser";

    public static Phase<ResetContext> Create() => new()
    {
        Name = "preflight",
        Aliases = ["pre-flight"],
        Short = "Ask for confirmation and check that reset can run",
        Long = "Asks for confirmation (unless --force or --dry-run) and checks that this runs as root.",
        InheritFlags = ["ignore-preflight-errors", "force", "dry-run"],
        Run = (context, _) =>
        {
            Run(context);
            return Task.CompletedTask;
        },
    };

    private static void Run(ResetContext context)
    {
        if (!context.Force && !context.DryRun)
        {
            Confirm(context);
        }

        context.Out.WriteLine("[preflight] Running pre-flight checks");
        if (context.IsPrivilegedUser())
        {
            return;
        }

        var ignored = context.IgnorePreflightErrors;
        if (ignored.Contains(IgnorePreflightErrorsValidator.All, StringComparer.Ordinal)
            || ignored.Contains(CheckName.ToLowerInvariant(), StringComparer.Ordinal))
        {
            context.Out.WriteLine($"\t[WARNING {CheckName}]: user is not running as root");
            return;
        }

        throw new KubeadmUserException(
            $"[preflight] Some fatal errors occurred:\n\t[ERROR {CheckName}]: user is not running as root\n"
            + "[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`");
    }

    private static void Confirm(ResetContext context)
    {
        context.Warn("[reset] WARNING: Changes made to this host by 'kubeadm init' or 'kubeadm join' will be reverted.");
        context.Out.Write("[reset] Are you sure you want to proceed? [y/N]: ");
        context.Out.Flush();
        var answer = context.ReadLine();
        if (answer is null)
        {
            context.Out.WriteLine();
            throw new KubeadmUserException(
                "won't proceed; no answer could be read from standard input. To reset without a prompt (for example in scripts or CI), pass --force (-f)");
        }

        var trimmed = answer.Trim();
        if (!trimmed.Equals("y", StringComparison.OrdinalIgnoreCase) && !trimmed.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            throw new KubeadmUserException(NotConfirmed);
        }
    }
}
