using k8s.KubeConfigModels;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;

namespace Kubeadm.App.Join;

/// <summary>
/// What an earlier, interrupted `kubeadm join` leaves on a node, so that running the same command again continues
/// instead of demanding `kubeadm reset`. It is only trusted when its CA is the discovered cluster's CA.
/// </summary>
public static class EarlierJoinState
{
    private static readonly string[] StaticPods = ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd"];

    /// <summary>The earlier join's files present on this node (empty for a fresh node).</summary>
    public static IReadOnlyList<string> Find(IFileSystem fileSystem, JoinConfiguration join)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(join);
        string[] candidates = [KubeadmConstants.KubeletBootstrapKubeConfigFile, KubeadmConstants.KubeletKubeConfigFile, KubeadmConstants.KubeletConfigFile];
        var found = candidates.Where(fileSystem.FileExists).ToList();
        // The CA alone (a worker's caCertPath, or certificates copied by hand for a control plane) is not a join's state.
        if (found.Count > 0 && fileSystem.FileExists(join.CaCertPath))
        {
            found.Add(join.CaCertPath);
        }

        return found;
    }

    /// <summary>Node checks that fail only because the earlier join's files exist.</summary>
    public static IEnumerable<string> ResumableChecks(JoinConfiguration join) =>
    [
        FileCheck(KubeadmConstants.KubeletKubeConfigFile),
        FileCheck(KubeadmConstants.KubeletBootstrapKubeConfigFile),
        FileCheck(join.CaCertPath),
        $"Port-{KubeadmConstants.KubeletPort}",
    ];

    /// <summary>Control-plane checks that fail only because the earlier join's components run.</summary>
    public static IEnumerable<string> ResumableControlPlaneChecks(KubeadmConfig node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var bindPort = node.Init.LocalApiEndpoint.BindPort == 0 ? KubeadmConstants.DefaultApiServerBindPort : node.Init.LocalApiEndpoint.BindPort;
        List<string> checks =
        [
            $"Port-{bindPort}", $"Port-{KubeadmConstants.KubeSchedulerPort}", $"Port-{KubeadmConstants.KubeControllerManagerPort}",
            $"Port-{KubeadmConstants.EtcdClientPort}", $"Port-{KubeadmConstants.EtcdPeerPort}",
            .. StaticPods.Select(c => FileCheck($"{KubeadmConstants.ManifestsDir}/{c}.yaml")),
        ];
        if (node.Cluster.Etcd.Local is { } local)
        {
            checks.Add(Kubeadm.Core.Preflight.HostFileRules.NameFor("DirAvailable", local.DataDir.Length > 0 ? local.DataDir : KubeadmConstants.DefaultEtcdDataDir));
        }

        return checks;
    }

    /// <summary>
    /// The earlier join's CA (caCertPath, and the CA kubelet.conf trusts) must be the cluster's, else this node belongs
    /// elsewhere and must be reset first.
    /// </summary>
    public static void RequireSameCluster(IFileSystem fileSystem, JoinConfiguration join, K8SConfiguration tlsBootstrap)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(join);
        ArgumentNullException.ThrowIfNull(tlsBootstrap);
        var discovered = Normalize(KubeconfigBuilder.DecodeData(tlsBootstrap.Clusters?.FirstOrDefault()?.ClusterEndpoint?.CertificateAuthorityData));
        if (fileSystem.FileExists(join.CaCertPath) && !string.Equals(discovered, Normalize(fileSystem.ReadAllText(join.CaCertPath)), StringComparison.Ordinal))
        {
            throw new ForeignNodeStateException($"{join.CaCertPath} is not the CA of the cluster being joined");
        }

        var kubeletConf = KubeadmConstants.KubeletKubeConfigFile;
        if (fileSystem.FileExists(kubeletConf) && KubeletConfCa(fileSystem, kubeletConf) is { } trusted
            && !string.Equals(discovered, Normalize(trusted), StringComparison.Ordinal))
        {
            throw new ForeignNodeStateException($"{kubeletConf} trusts a CA that is not the CA of the cluster being joined");
        }
    }

    /// <summary>The CA kubelet.conf's current cluster trusts (embedded, or the file it names); null when it names none.</summary>
    private static string? KubeletConfCa(IFileSystem fileSystem, string path)
    {
        K8SConfiguration kubeconfig;
        try
        {
            kubeconfig = KubeconfigYamlReader.Read(fileSystem.ReadAllText(path), path);
        }
        catch (KubeconfigFormatException e)
        {
            throw new ForeignNodeStateException($"{path} cannot be read ({e.Message})");
        }

        var contextCluster = kubeconfig.Contexts?.FirstOrDefault(c => c.Name == kubeconfig.CurrentContext)?.ContextDetails?.Cluster;
        var cluster = (kubeconfig.Clusters?.FirstOrDefault(c => c.Name == contextCluster) ?? kubeconfig.Clusters?.FirstOrDefault())?.ClusterEndpoint;
        if (cluster?.CertificateAuthorityData is { Length: > 0 } data)
        {
            return KubeconfigBuilder.DecodeData(data);
        }

        return cluster?.CertificateAuthority is { Length: > 0 } file && fileSystem.FileExists(file) ? fileSystem.ReadAllText(file) : null;
    }

    private static string FileCheck(string path) => Kubeadm.Core.Preflight.HostFileRules.NameFor("FileAvailable", path);

    private static string Normalize(string pem) => pem.Replace("\r", "", StringComparison.Ordinal).Trim();
}

/// <summary>The node holds another cluster's join state: the run stops; `kubeadm reset` clears it.</summary>
public sealed class ForeignNodeStateException : KubeadmUserException
{
    public ForeignNodeStateException(string what)
        : base($"this node holds the files of an earlier join to a different cluster ({what}); run 'kubeadm reset' on this node first")
    {
    }
}
