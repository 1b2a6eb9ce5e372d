using System.CommandLine;
using Kubeadm.App.CertsCommands;
using Kubeadm.App.Init;
using Kubeadm.Core.Pki;

namespace Kubeadm.Cli.Commands.Certs;

/// <summary>`kubeadm certs renew &lt;name&gt;|all`: one sub-command per renewable certificate, plus `all`.</summary>
public static class RenewCommand
{
    public static Command Create(InitEnvironment environment, GlobalFlags global)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(global);
        var renew = new Command("renew", "Renew certificates signed by the cluster's CAs, keeping their keys");
        foreach (var target in RenewableCertificates.All)
        {
            renew.Subcommands.Add(Leaf(environment, global, target.Name, $"Renew {Purpose(target)}", renewer =>
            {
                // The configuration decides which certificates exist (no etcd ones with external etcd).
                var known = renewer.Known.FirstOrDefault(k => k.Name == target.Name) ?? target;
                renewer.Renew(known);
            }));
        }

        renew.Subcommands.Add(Leaf(environment, global, "all", "Renew every certificate listed here (missing ones are reported)", renewer => renewer.RenewAll()));
        return renew;
    }

    private static string Purpose(RenewableCertificate target) =>
        CertificateCatalogue.All.FirstOrDefault(c => c.Name == target.Name)?.Purpose
        ?? $"the client certificate embedded in {target.Name} ({KubeconfigUsers.GetValueOrDefault(target.Name, "its user")})";

    private static readonly Dictionary<string, string> KubeconfigUsers = new(StringComparer.Ordinal)
    {
        ["admin.conf"] = "the cluster administrators, and kubeadm itself",
        ["super-admin.conf"] = "the super-admin, who bypasses RBAC",
        ["controller-manager.conf"] = "the controller manager",
        ["scheduler.conf"] = "the scheduler",
    };

    private static Command Leaf(InitEnvironment environment, GlobalFlags global, string name, string description, Action<CertificateRenewer> run)
    {
        var flags = new CertsFlags();
        var command = new Command(name, description) { flags.CertDir, flags.Config, flags.Kubeconfig };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(environment.Err, parse.GetValue(global.Verbosity), async () =>
        {
            var context = await new CertsCommandContextFactory(environment)
                .ForExistingPkiAsync(flags.Bind(parse, global), "renew", printInfo: true, cancellationToken).ConfigureAwait(false);
            run(new CertificateRenewer(context));
            return 0;
        }));
        return command;
    }
}
