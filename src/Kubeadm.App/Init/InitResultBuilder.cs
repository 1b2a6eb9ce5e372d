using Kubeadm.App.NodeSetup;
using Kubeadm.Core.Join;
using Kubeadm.Core.Errors;
using Kubeadm.Workflow;

namespace Kubeadm.App.Init;

/// <summary>Collects an <see cref="InitResult"/> from a finished (or failed) run.</summary>
public static class InitResultBuilder
{
    public static InitResult Build(InitContext context, WorkflowResult workflow, string? error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(workflow);
        var target = JoinTargetOf(context);
        var token = context.Config.Init.BootstrapTokens.FirstOrDefault()?.Token;
        var key = context.UploadedCertificateKey;
        return new InitResult
        {
            KubernetesVersion = context.Config.Cluster.KubernetesVersion,
            DryRun = context.DryRun,
            Succeeded = error is null,
            Error = error,
            ApiServerEndpoint = target?.HostPort,
            CaCertHashes = target?.CaCertHashes ?? [],
            Token = token is null ? null : context.Options.SkipTokenPrint ? InitResult.Withheld : token,
            CertificateKey = key is null ? null : context.Options.SkipCertificateKeyPrint ? InitResult.Withheld : key,
            FilesWritten = context.Journal.FilesWritten,
            ObjectsChanged = context.Journal.ObjectsChanged,
            Phases = workflow.Phases,
        };
    }

    /// <summary>The join endpoint and CA pins from admin.conf, when the run wrote (or found) one.</summary>
    private static JoinTarget? JoinTargetOf(InitContext context)
    {
        var path = AdminKubeconfig.PathOf(context);
        if (!context.FileSystem.FileExists(path))
        {
            return null;
        }

        try
        {
            return JoinTarget.FromKubeconfig(AdminKubeconfig.Read(context.FileSystem, path), path, context.FileSystem.ReadAllBytes);
        }
        catch (KubeadmUserException)
        {
            return null;
        }
    }
}
