using System.CommandLine;
using Kubeadm.App.Init;

namespace Kubeadm.Cli.Commands.Upgrade;

/// <summary>`kubeadm upgrade`: the parent of plan, diff, apply and node.</summary>
public sealed class UpgradeCommand
{
    private const string ShortHelp = "Move a kubeadm cluster to a newer Kubernetes version, node by node";

    private const string LongHelp = """
        Move a kubeadm cluster to a newer Kubernetes version, node by node.

        The usual order: "kubeadm upgrade plan" on a control-plane node shows the versions the cluster runs and the
        one this kubeadm can move it to; "kubeadm upgrade diff" previews the static Pod manifest changes;
        "kubeadm upgrade apply <version>" upgrades the first control-plane node; "kubeadm upgrade node" then upgrades
        each other node. The control plane moves at most one minor version per upgrade.

        Offline: this kubeadm never looks versions up on the network, so the target is this kubeadm's own version
        unless a version is given (release labels such as "stable" resolve to this kubeadm's version, as for init).
        """;

    private readonly UpgradeCommandContext _context;

    public UpgradeCommand(InitEnvironment environment, GlobalFlags global, LongHelpAction help) =>
        _context = new UpgradeCommandContext(environment, global, help);

    public Command Create()
    {
        var upgrade = new Command("upgrade", ShortHelp);
        _context.Help.Register(upgrade, LongHelp);
        Command[] subcommands =
        [
            // One line per sub-command, in kubeadm's (alphabetical) order: apply, diff, node, plan.
            UpgradeWorkflowCommand.Apply(_context),
            UpgradeDiffCommand.Create(_context),
            UpgradeWorkflowCommand.Node(_context),
            UpgradePlanCommand.Create(_context),
        ];
        foreach (var subcommand in subcommands)
        {
            upgrade.Subcommands.Add(subcommand);
        }

        return upgrade;
    }
}
