using Kubeadm.App.Init;
using Kubeadm.Core.Join;

namespace Kubeadm.App.NodeSetup;

/// <summary>
/// `kubeadm init phase show-join-command`: kubeadm init's closing message with the join commands, printed once per
/// bootstrap token. The endpoint and CA hashes come from the admin kubeconfig.
/// </summary>
public static class ShowJoinCommandPhase
{
    public static Task RunAsync(InitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var adminPath = AdminKubeconfig.PathOf(context);
        var target = JoinTarget.FromKubeconfig(AdminKubeconfig.Read(context.FileSystem, adminPath), adminPath, context.FileSystem.ReadAllBytes);
        var hasEndpoint = context.Config.Cluster.ControlPlaneEndpoint.Length > 0;
        foreach (var token in context.Config.Init.BootstrapTokens)
        {
            var controlPlane = JoinCommand.ControlPlane(
                target, token.Token, CertificateKeyOf(context), context.Options.SkipTokenPrint, context.Options.SkipCertificateKeyPrint);
            var worker = JoinCommand.Worker(target, token.Token, context.Options.SkipTokenPrint);
            context.Out.Write(InitDoneMessage.Render(AdminKubeconfig.DisplayPathOf(context), hasEndpoint, context.Options.UploadCerts, controlPlane, worker));
        }

        return Task.CompletedTask;
    }

    /// <summary>The key upload-certs encrypted the certificates with, else the one the user gave; empty when none.</summary>
    public static string CertificateKeyOf(InitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.UploadedCertificateKey is { Length: > 0 } uploaded)
        {
            return uploaded;
        }

        return context.Options.CertificateKey is { Length: > 0 } given ? given : context.Config.Init.CertificateKey;
    }
}
