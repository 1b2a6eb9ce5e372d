using System.Text.Json.Serialization;
using k8s.Models;

namespace Kubeadm.Core.ClusterApi;

/// <summary>Every API kind kubeadm handles (see <see cref="ApiResource"/>), its list, and the few pieces read on their own.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(V1ConfigMap))]
[JsonSerializable(typeof(V1Secret))]
[JsonSerializable(typeof(V1ServiceAccount))]
[JsonSerializable(typeof(V1Service))]
[JsonSerializable(typeof(V1Node))]
[JsonSerializable(typeof(V1CertificateSigningRequest))]
[JsonSerializable(typeof(V1Namespace))]
[JsonSerializable(typeof(V1Role))]
[JsonSerializable(typeof(V1RoleBinding))]
[JsonSerializable(typeof(V1ClusterRole))]
[JsonSerializable(typeof(V1ClusterRoleBinding))]
[JsonSerializable(typeof(V1Deployment))]
[JsonSerializable(typeof(V1DaemonSet))]
[JsonSerializable(typeof(V1Pod))]
[JsonSerializable(typeof(V1Job))]
[JsonSerializable(typeof(V1EnvVarSource))]
[JsonSerializable(typeof(VersionInfo))]
internal sealed partial class KubeModelJsonContext : JsonSerializerContext;
