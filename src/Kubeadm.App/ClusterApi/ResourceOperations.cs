using k8s;
using k8s.Models;

namespace Kubeadm.App.ClusterApi;

/// <summary>The client calls for one kind, so the cluster API can treat every kind kubeadm manages the same way.</summary>
internal sealed record ResourceOperations<T>(
    Func<IKubernetes, T, string, CancellationToken, Task<T>> Create,
    Func<IKubernetes, T, string, string, CancellationToken, Task<T>> Replace,
    Func<IKubernetes, string, string, CancellationToken, Task<T>> Get,
    Func<IKubernetes, string, string?, CancellationToken, Task<IList<T>>> List,
    Func<IKubernetes, string, string, CancellationToken, Task> Delete)
    where T : class, IKubernetesObject<V1ObjectMeta>;
