using k8s.Models;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Errors;
using Kubeadm.Core.UploadConfig;

namespace Kubeadm.App.Join;

/// <summary>
/// What kubeadm's FetchInitConfigurationFromCluster gives a joining node: the cluster's ClusterConfiguration
/// (kube-system/kubeadm-config) and KubeletConfiguration (kube-system/kubelet-config), read with the bootstrap token,
/// combined with this node's own registration and API endpoint from the JoinConfiguration.
/// </summary>
public static class JoinClusterConfigReader
{
    public static async Task<KubeadmConfig> ReadAsync(IClusterApi client, JoinConfiguration join, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(join);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync($"[preflight] Reading configuration from the \"{KubeadmConfigMap.Name}\" ConfigMap in namespace \"{KubeadmConfigMap.Namespace}\"...").ConfigureAwait(false);
        await output.WriteLineAsync("[preflight] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.").ConfigureAwait(false);
        var clusterText = await ReadKeyAsync(client, KubeadmConfigMap.Namespace, KubeadmConfigMap.Name, KubeadmConfigMap.ClusterConfigurationKey, cancellationToken).ConfigureAwait(false);
        var kubeletText = await ReadKeyAsync(client, KubeletConfigMap.Namespace, KubeletConfigMap.Name, KubeletConfigMap.KubeletKey, cancellationToken).ConfigureAwait(false);
        return Combine(clusterText, kubeletText, join);
    }

    /// <summary>The node's configuration from the two documents the cluster stores and the JoinConfiguration (pure).</summary>
    public static KubeadmConfig Combine(string clusterConfiguration, string kubeletConfiguration, JoinConfiguration join)
    {
        ArgumentNullException.ThrowIfNull(join);
        var config = new KubeadmConfig
        {
            Cluster = KubeadmConfigDecoder.Decode(clusterConfiguration, $"{KubeadmConfigMap.Name} ConfigMap").Config.Cluster,
            ComponentConfigs = KubeadmConfigDecoder.Decode(kubeletConfiguration, $"{KubeletConfigMap.Name} ConfigMap").Config.ComponentConfigs,
        };
        var init = config.Init;
        init.NodeRegistration = join.NodeRegistration;
        init.LocalApiEndpoint = join.ControlPlane?.LocalApiEndpoint ?? new ApiEndpoint();
        init.CertificateKey = join.ControlPlane?.CertificateKey ?? "";
        init.DryRun = join.DryRun;
        init.Patches = join.Patches;
        init.Timeouts = join.Timeouts;
        ConfigDefaults.Apply(config);
        return config;
    }

    private static async Task<string> ReadKeyAsync(IClusterApi client, string namespaceName, string name, string key, CancellationToken cancellationToken)
    {
        V1ConfigMap? configMap;
        try
        {
            configMap = await client.GetAsync<V1ConfigMap>(namespaceName, name, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException e)
        {
            throw new KubeadmUserException($"unable to fetch the {name} ConfigMap: {e.Message}", e);
        }

        if (configMap is null)
        {
            throw new KubeadmUserException($"unable to fetch the {name} ConfigMap: configmaps \"{name}\" not found");
        }

        if (configMap.Data?.TryGetValue(key, out var text) is not true)
        {
            throw new KubeadmUserException($"unexpected error when reading {name} ConfigMap: {key} key value pair missing");
        }

        return text;
    }
}
