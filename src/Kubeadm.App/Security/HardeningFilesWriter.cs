using System.Security.Cryptography;
using Kubeadm.App.Init;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Security;

namespace Kubeadm.App.Security;

/// <summary>
/// Writes the files the CIS profile's API server flags point at, before its manifest: the EncryptionConfiguration
/// (a new 32-byte key, 0600; an existing file is validated and kept, since its key decrypts what is already stored),
/// the audit policy and the AuthenticationConfiguration (kept when present, so an operator's edits survive a re-run),
/// and the audit log directory. Driven by the ClusterConfiguration, so a joining control plane whose downloaded
/// configuration carries the profile's flags gets the same files.
/// </summary>
public static class HardeningFilesWriter
{
    public static void Write(InitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cluster = context.Config.Cluster;
        if (!CisClusterSettings.IsAppliedTo(cluster))
        {
            return;
        }

        var fileSystem = context.FileSystem;
        try
        {
            fileSystem.CreateDirectory(HardeningPaths.ConfigDirectory, FileModes.PrivateDirectory);
            WriteEncryptionConfiguration(context);
            WriteUnlessPresent(context, HardeningPaths.AuditPolicyFile, AuditPolicyFile.Content, "audit policy");
            if (ArgumentList.LastValue(cluster.ApiServer.ExtraArgs, "authentication-config") == HardeningPaths.AuthenticationConfigFile)
            {
                WriteUnlessPresent(context, HardeningPaths.AuthenticationConfigFile, AnonymousAuthenticationFile.Content, "authentication configuration (anonymous requests only for health checks and cluster-info)");
            }

            fileSystem.CreateDirectory(HardeningPaths.AuditLogDirectory, FileModes.PrivateDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeadmUserException($"could not write the security profile's files under \"{HardeningPaths.ConfigDirectory}\": {e.Message}", e);
        }
    }

    private static void WriteEncryptionConfiguration(InitContext context)
    {
        var path = HardeningPaths.EncryptionConfigFile;
        if (context.FileSystem.FileExists(path))
        {
            var problem = EncryptionConfigurationFile.Problem(context.FileSystem.ReadAllText(path));
            if (problem is not null)
            {
                throw new KubeadmUserException(
                    $"the existing encryption configuration \"{path}\" cannot be used: {problem}. It is never overwritten (its key decrypts the stored Secrets); fix it or remove it on a new cluster");
            }

            context.Out.WriteLine($"[security] Using the existing encryption configuration \"{context.ShownPath(path)}\"");
            return;
        }

        var key = new byte[EncryptionConfigurationFile.KeyLength];
        try
        {
            context.Random.Fill(key);
            context.Out.WriteLine($"[security] Writing the encryption configuration (Secrets encrypted at rest with {EncryptionConfigurationFile.Provider}) to \"{context.ShownPath(path)}\"");
            context.FileSystem.WriteAllText(path, EncryptionConfigurationFile.Create(key), FileModes.Private);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static void WriteUnlessPresent(InitContext context, string path, string content, string what)
    {
        if (context.FileSystem.FileExists(path))
        {
            context.Out.WriteLine($"[security] Using the existing {what} \"{context.ShownPath(path)}\"");
            return;
        }

        context.Out.WriteLine($"[security] Writing the {what} to \"{context.ShownPath(path)}\"");
        context.FileSystem.WriteAllText(path, content, FileModes.Private);
    }
}
