using System.Text.Json.Nodes;

namespace Kubeadm.Core.Configuration;

/// <summary>
/// A component configuration document (KubeletConfiguration, KubeProxyConfiguration) given beside the kubeadm
/// documents. kubeadm passes it on to the component (defaulted, then uploaded to its ConfigMap), so it is kept
/// as the user's tree rather than a typed model.
/// </summary>
public sealed record ComponentConfigDocument(string ApiVersion, string Kind, JsonObject Content);
