using System.Text;
using Kubeadm.App.CertsCommands;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Upgrade;

namespace Kubeadm.App.Upgrade;

/// <summary>The text form of the upgrade plan, as kubeadm's text printer lays it out (Go tabwriter tables).</summary>
public static class UpgradePlanText
{
    public const string UpToDate = "Awesome, you're up-to-date! Enjoy!";
    private const string Separator = "_____________________________________________________________________\n\n";

    public static string Format(UpgradePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.AvailableUpgrades.Count == 0)
        {
            return UpToDate + "\n";
        }

        var text = new StringBuilder();
        foreach (var upgrade in plan.AvailableUpgrades)
        {
            AppendUpgrade(text, upgrade);
        }

        AppendConfigVersions(text, plan.ConfigVersions);
        return text.ToString();
    }

    private static void AppendUpgrade(StringBuilder text, AvailableUpgradePlan upgrade)
    {
        var target = upgrade.Components.FirstOrDefault(c => c.Name == UpgradePlanBuilder.KubeApiServer)?.NewVersion ?? "";
        var kubeadm = upgrade.Components.FirstOrDefault(c => c.Name == UpgradePlanBuilder.Kubeadm);

        text.Append("Components that must be upgraded manually after you have upgraded the control plane with 'kubeadm upgrade apply':\n");
        text.Append(Table(upgrade.Components.Where(c => c.Name == UpgradePlanBuilder.Kubelet)));
        text.Append('\n');
        text.Append($"Upgrade to the latest {upgrade.Description}:\n\n");
        text.Append(Table(upgrade.Components.Where(c => c.Name is not UpgradePlanBuilder.Kubelet and not UpgradePlanBuilder.Kubeadm)));
        text.Append('\n');
        text.Append("You can now apply the upgrade by executing the following command:\n\n");
        text.Append($"\tkubeadm upgrade apply {target}{UnstableFlag(target)}\n\n");
        if (kubeadm is not null && kubeadm.CurrentVersion != kubeadm.NewVersion)
        {
            text.Append($"Note: Before you can perform this upgrade, you have to update kubeadm to {kubeadm.NewVersion}.\n\n");
        }

        text.Append(Separator);
    }

    private static string Table(IEnumerable<ComponentUpgradePlan> rows)
    {
        var table = new GoTabWriter(minWidth: 10, padding: 3);
        table.WriteLine("COMPONENT\tNODE\tCURRENT\tTARGET");
        foreach (var row in rows)
        {
            table.WriteLine($"{row.Name}\t{row.NodeName}\t{row.CurrentVersion}\t{row.NewVersion}");
        }

        return table.ToString();
    }

    // An unstable target needs the matching --allow-*-upgrades flag on the apply command line.
    private static string UnstableFlag(string target) =>
        SemanticVersion.TryParse(target, out var version) && version.PreRelease.Length > 0
            ? version.PreRelease.StartsWith("rc", StringComparison.Ordinal) ? " --allow-release-candidate-upgrades" : " --allow-experimental-upgrades"
            : "";

    private static void AppendConfigVersions(StringBuilder text, IReadOnlyList<ComponentConfigVersionState> states)
    {
        if (states.Count == 0)
        {
            text.Append("No information available on component configs.\n");
            return;
        }

        text.Append('\n')
            .Append("The table below shows the current state of component configs as understood by this version of kubeadm.\n")
            .Append("Configs that have a \"yes\" mark in the \"MANUAL UPGRADE REQUIRED\" column require manual config upgrade or\n")
            .Append("resetting to kubeadm defaults before a successful upgrade can be performed. The version to manually\n")
            .Append("upgrade to is denoted in the \"PREFERRED VERSION\" column.\n\n");
        var table = new GoTabWriter(minWidth: 10, padding: 3);
        table.WriteLine("API GROUP\tCURRENT VERSION\tPREFERRED VERSION\tMANUAL UPGRADE REQUIRED");
        foreach (var state in states)
        {
            table.WriteLine($"{state.Group}\t{OrDash(state.CurrentVersion)}\t{OrDash(state.PreferredVersion)}\t{(state.ManualUpgradeRequired ? "yes" : "no")}");
        }

        text.Append(table).Append(Separator);
    }

    private static string OrDash(string value) => value.Length > 0 ? value : "-";
}
