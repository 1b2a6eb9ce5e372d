using System.Text.Json.Serialization;
using k8s.Models;

namespace Kubeadm.Core.ClusterApi;

/// <summary>Every API kind kubeadm handles (see <see cref="ApiResource"/>), its list, and the few pieces read on their own.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(V1ConfigMap))]
[JsonSerializable(typeof(V1ConfigMapList))]
[JsonSerializable(typeof(V1Secret))]
[JsonSerializable(typeof(V1SecretList))]
[JsonSerializable(typeof(V1ServiceAccount))]
[JsonSerializable(typeof(V1ServiceAccountList))]
[JsonSerializable(typeof(V1Service))]
[JsonSerializable(typeof(V1ServiceList))]
[JsonSerializable(typeof(V1Node))]
[JsonSerializable(typeof(V1NodeList))]
[JsonSerializable(typeof(V1CertificateSigningRequest))]
[JsonSerializable(typeof(V1CertificateSigningRequestList))]
[JsonSerializable(typeof(V1Namespace))]
[JsonSerializable(typeof(V1NamespaceList))]
[JsonSerializable(typeof(V1Role))]
[JsonSerializable(typeof(V1RoleList))]
[JsonSerializable(typeof(V1RoleBinding))]
[JsonSerializable(typeof(V1RoleBindingList))]
[JsonSerializable(typeof(V1ClusterRole))]
[JsonSerializable(typeof(V1ClusterRoleList))]
[JsonSerializable(typeof(V1ClusterRoleBinding))]
[JsonSerializable(typeof(V1ClusterRoleBindingList))]
[JsonSerializable(typeof(V1Deployment))]
[JsonSerializable(typeof(V1DeploymentList))]
[JsonSerializable(typeof(V1DaemonSet))]
[JsonSerializable(typeof(V1DaemonSetList))]
[JsonSerializable(typeof(V1Pod))]
[JsonSerializable(typeof(V1PodList))]
[JsonSerializable(typeof(V1EnvVarSource))]
[JsonSerializable(typeof(VersionInfo))]
internal sealed partial class KubeModelJsonContext : JsonSerializerContext;
