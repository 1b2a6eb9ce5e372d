using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.CertsCommands;

/// <summary>
/// The certificates kubeadm renews and reports, sorted by name as kubeadm lists them: every leaf of the PKI (without the
/// etcd ones when etcd is external) and the client certificates of admin.conf, super-admin.conf, controller-manager.conf
/// and scheduler.conf. kubelet.conf is left out: the kubelet rotates its own client certificate.
/// </summary>
public static class RenewableCertificates
{
    private static readonly (KubeconfigFileSpec File, string LongName)[] Kubeconfigs =
    [
        (KubeconfigCatalogue.Admin, "certificate embedded in the kubeconfig file for the admin to use and for kubeadm itself"),
        (KubeconfigCatalogue.SuperAdmin, "certificate embedded in the kubeconfig file for the super-admin"),
        (KubeconfigCatalogue.ControllerManager, "certificate embedded in the kubeconfig file for the controller manager to use"),
        (KubeconfigCatalogue.Scheduler, "certificate embedded in the kubeconfig file for the scheduler manager to use"),
    ];

    /// <summary>Every name `kubeadm certs renew` accepts as a sub-command (the etcd ones included), sorted.</summary>
    public static IReadOnlyList<RenewableCertificate> All { get; } = For(externalEtcd: false);

    public static IReadOnlyList<RenewableCertificate> For(bool externalEtcd)
    {
        var leaves = CertificateCatalogue.For(externalEtcd).Where(c => !c.IsCa).Select(leaf =>
        {
            var ca = CertificateCatalogue.CaOf(leaf);
            return new RenewableCertificate(leaf.Name, leaf.LongName, ca.Name, ca.BaseName, leaf.BaseName, null);
        });
        var kubeconfigs = Kubeconfigs.Select(k => new RenewableCertificate(
            k.File.FileName, k.LongName, CertificateCatalogue.Ca.Name, CertificateCatalogue.Ca.BaseName, null, k.File.FileName));
        return [.. leaves.Concat(kubeconfigs).OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>The CAs whose expiration kubeadm reports, sorted by name.</summary>
    public static IReadOnlyList<CertificateDefinition> CertificateAuthorities(bool externalEtcd) =>
        [.. CertificateCatalogue.For(externalEtcd).Where(c => c.IsCa).OrderBy(c => c.Name, StringComparer.Ordinal)];
}
