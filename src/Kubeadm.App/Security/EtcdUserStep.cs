using k8s.Models;
using Kubeadm.App.Init;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Security;

namespace Kubeadm.App.Security;

/// <summary>
/// The CIS profile's etcd step, before etcd.yaml is written: with an "etcd" user on the host, its data directory and
/// serving keys are chowned to it and the pod runs as it; without one, etcd stays root (as kubeadm runs it) with a
/// warning saying how to get the check to pass.
/// </summary>
public static class EtcdUserStep
{
    public static V1Pod Harden(InitContext context, V1Pod etcdPod)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(etcdPod);
        if (context.Config.SecurityProfile != SecurityProfile.Cis)
        {
            return etcdPod;
        }

        var user = context.FileSystem.FileExists("/etc/passwd") ? EtcdUser.FromPasswd(context.FileSystem.ReadAllText("/etc/passwd")) : null;
        if (user is null)
        {
            context.Err.WriteLine(
                $"WARNING: security profile \"cis\": there is no \"{EtcdUser.Name}\" user on this host, so etcd runs as root and its data directory " +
                $"stays root-owned (CIS 1.1.12 is not met); create one (useradd --system --no-create-home --shell /usr/sbin/nologin {EtcdUser.Name}) and run this again");
            return etcdPod;
        }

        var cluster = context.Config.Cluster;
        var dataDir = cluster.Etcd.Local?.DataDir is { Length: > 0 } dir ? dir : KubeadmConstants.DefaultEtcdDataDir;
        context.Out.WriteLine($"[etcd] Running etcd as user \"{EtcdUser.Name}\" ({user.UserId}:{user.GroupId}), owner of \"{dataDir}\" and etcd's serving keys");
        foreach (var path in EtcdUser.OwnedPaths(dataDir, cluster.CertificatesDir))
        {
            try
            {
                if (context.DryRun || context.FileSystem.FileExists(path) || context.FileSystem.DirectoryExists(path))
                {
                    context.FileSystem.SetOwner(path, user.UserId, user.GroupId);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new KubeadmUserException($"could not make \"{path}\" owned by the {EtcdUser.Name} user: {e.Message}", e);
            }
        }

        return user.RunAsThisUser(etcdPod);
    }
}
