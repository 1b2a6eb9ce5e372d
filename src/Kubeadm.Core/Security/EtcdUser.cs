using System.Globalization;
using k8s.Models;

namespace Kubeadm.Core.Security;

/// <summary>
/// The dedicated account the CIS profile runs etcd as (CIS 1.1.12: the data directory owned by etcd:etcd). kubeadm
/// never creates accounts; this uses the host's existing "etcd" user (Debian's etcd packages create it; elsewhere:
/// useradd --system --no-create-home --shell /usr/sbin/nologin etcd).
/// </summary>
public sealed record EtcdUser(int UserId, int GroupId)
{
    public const string Name = "etcd";

    /// <summary>The "etcd" entry of an /etc/passwd file (user id and primary group id), or null when there is none.</summary>
    public static EtcdUser? FromPasswd(string passwd)
    {
        ArgumentNullException.ThrowIfNull(passwd);
        foreach (var line in passwd.Split('\n'))
        {
            var fields = line.Split(':');
            if (fields.Length >= 4 && fields[0] == Name
                && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
                && int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var gid)
                && uid != 0)
            {
                return new EtcdUser(uid, gid);
            }
        }

        return null;
    }

    /// <summary>
    /// The etcd pod running as this user: runAsUser/runAsGroup/runAsNonRoot on the pod. (fsGroup is not set: the
    /// kubelet does not apply it to hostPath volumes, so the data directory and etcd's own keys are chowned instead.)
    /// </summary>
    public V1Pod RunAsThisUser(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        pod.Spec.SecurityContext ??= new V1PodSecurityContext();
        pod.Spec.SecurityContext.RunAsUser = UserId;
        pod.Spec.SecurityContext.RunAsGroup = GroupId;
        pod.Spec.SecurityContext.RunAsNonRoot = true;
        return pod;
    }

    /// <summary>
    /// What etcd must own to run as this user: its data directory and the two private keys it serves with (the
    /// certificates are 0644, readable already). CIS 1.1.19 wants everything under the PKI directory root-owned;
    /// these two keys are the one deliberate exception, as a non-root etcd cannot read a root-only key.
    /// </summary>
    public static IReadOnlyList<string> OwnedPaths(string dataDir, string certificatesDir)
    {
        var etcdPki = certificatesDir.TrimEnd('/') + "/etcd";
        return [dataDir, etcdPki + "/server.key", etcdPki + "/peer.key"];
    }
}
