using System.Globalization;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Host;
using Kubeadm.Core.Preflight;

namespace Kubeadm.App.Preflight;

/// <summary>
/// Safe re-run (beyond kubeadm, which demands `kubeadm reset`): when this node already holds what an earlier
/// `kubeadm init` made — the cluster CA, admin.conf and the API server manifest — a new run continues from there.
/// The checks that fail only because of that earlier run (its manifests, its etcd data, the ports its components
/// listen on) become warnings; every phase then keeps what is already correct and reports what conflicts.
/// </summary>
public static class EarlierInitState
{
    private static readonly string[] StaticPods = ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd"];

    public static bool IsPresent(IFileSystem fileSystem, KubeadmConfig config)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(config);
        var certificatesDir = config.Cluster.CertificatesDir.Length > 0 ? config.Cluster.CertificatesDir : KubeadmConstants.DefaultCertificatesDir;
        return fileSystem.FileExists($"{certificatesDir}/ca.crt")
            && fileSystem.FileExists(KubeadmConstants.AdminKubeConfigFile)
            && fileSystem.FileExists($"{KubeadmConstants.ManifestsDir}/kube-apiserver.yaml");
    }

    /// <summary>The check names an earlier init of this same node makes fail.</summary>
    public static IReadOnlyList<string> ResumableChecks(KubeadmConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var bindPort = config.Init.LocalApiEndpoint.BindPort > 0 ? config.Init.LocalApiEndpoint.BindPort : KubeadmConstants.DefaultApiServerBindPort;
        int[] ports = [bindPort, KubeadmConstants.KubeSchedulerPort, KubeadmConstants.KubeControllerManagerPort, KubeadmConstants.KubeletPort];
        var names = ports.Select(port => "Port-" + port.ToString(CultureInfo.InvariantCulture))
            .Concat(StaticPods.Select(component => HostFileRules.NameFor("FileAvailable", $"{KubeadmConstants.ManifestsDir}/{component}.yaml")))
            .ToList();
        if (config.Cluster.Etcd.Local is { } local)
        {
            names.Add("Port-" + KubeadmConstants.EtcdClientPort.ToString(CultureInfo.InvariantCulture));
            names.Add("Port-" + KubeadmConstants.EtcdPeerPort.ToString(CultureInfo.InvariantCulture));
            names.Add(HostFileRules.NameFor("DirAvailable", local.DataDir.Length > 0 ? local.DataDir : KubeadmConstants.DefaultEtcdDataDir));
        }

        return names;
    }
}
