using k8s;
using k8s.Models;

namespace Kubeadm.App.ClusterApi;

/// <summary>The generated client's per-kind methods for every kind kubeadm creates, reads or deletes.</summary>
internal static class ResourceOperationsTable
{
    private static readonly Dictionary<Type, object> Table = new()
    {
        [typeof(V1ConfigMap)] = new ResourceOperations<V1ConfigMap>(
            (k, o, ns, ct) => k.CoreV1.CreateNamespacedConfigMapAsync(o, ns, cancellationToken: ct),
            (k, o, name, ns, ct) => k.CoreV1.ReplaceNamespacedConfigMapAsync(o, name, ns, cancellationToken: ct),
            (k, name, ns, ct) => k.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: ct),
            async (k, ns, fs, ct) => (await k.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: fs, cancellationToken: ct).ConfigureAwait(false)).Items,
            (k, name, ns, ct) => k.CoreV1.DeleteNamespacedConfigMapAsync(name, ns, cancellationToken: ct)),
        [typeof(V1Secret)] = new ResourceOperations<V1Secret>(
            (k, o, ns, ct) => k.CoreV1.CreateNamespacedSecretAsync(o, ns, cancellationToken: ct),
            (k, o, name, ns, ct) => k.CoreV1.ReplaceNamespacedSecretAsync(o, name, ns, cancellationToken: ct),
            (k, name, ns, ct) => k.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: ct),
            async (k, ns, fs, ct) => (await k.CoreV1.ListNamespacedSecretAsync(ns, fieldSelector: fs, cancellationToken: ct).ConfigureAwait(false)).Items,
            (k, name, ns, ct) => k.CoreV1.DeleteNamespacedSecretAsync(name, ns, cancellationToken: ct)),
        [typeof(V1ServiceAccount)] = new ResourceOperations<V1ServiceAccount>(
            (k, o, ns, ct) => k.CoreV1.CreateNamespacedServiceAccountAsync(o, ns, cancellationToken: ct),
            (k, o, name, ns, ct) => k.CoreV1.ReplaceNamespacedServiceAccountAsync(o, name, ns, cancellationToken: ct),
            (k, name, ns, ct) => k.CoreV1.ReadNamespacedServiceAccountAsync(name, ns, cancellationToken: ct),
            async (k, ns, fs, ct) => (await k.CoreV1.ListNamespacedServiceAccountAsync(ns, fieldSelector: fs, cancellationToken: ct).ConfigureAwait(false)).Items,
            (k, name, ns, ct) => k.CoreV1.DeleteNamespacedServiceAccountAsync(name, ns, cancellationToken: ct)),
        [typeof(V1Service)] = new ResourceOperations<V1Service>(
            (k, o, ns, ct) => k.CoreV1.CreateNamespacedServiceAsync(o, ns, cancellationToken: ct),
            (k, o, name, ns, ct) => k.CoreV1.ReplaceNamespacedServiceAsync(o, name, ns, cancellationToken: ct),
            (k, name, ns, ct) => k.CoreV1.ReadNamespacedServiceAsync(name, ns, cancellationToken: ct),
            async (k, ns, fs, ct) => (await k.CoreV1.ListNamespacedServiceAsync(ns, fieldSelector: fs, cancellationToken: ct).ConfigureAwait(false)).Items,
            (k, name, ns, ct) => k.CoreV1.DeleteNamespacedServiceAsync(name, ns, cancellationToken: ct)),
        [typeof(V1Node)] = new ResourceOperations<V1Node>(
            (k, o, _, ct) => k.CoreV1.CreateNodeAsync(o, cancellationToken: ct),
            (k, o, name, _, ct) => k.CoreV1.ReplaceNodeAsync(o, name, cancellationToken: ct),
            (k, name, _, ct) => k.CoreV1.ReadNodeAsync(name, cancellationToken: ct),
            async (k, _, fs, ct) => (await k.CoreV1.ListNodeAsync(fieldSelector: fs, cancellationToken: ct).ConfigureAwait(false)).Items,
            (k, name, _, ct) => k.CoreV1.DeleteNodeAsync(name, cancellationToken: ct)),
        [typeof(V1CertificateSigningRequest)] = new ResourceOperations<V1CertificateSigningRequest>(
            (k, o, _, ct) => k.CertificatesV1.CreateCertificateSigningRequestAsync(o, cancellationToken: ct),
            (k, o, name, _, ct) => k.CertificatesV1.ReplaceCertificateSigningRequestAsync(o, name, cancellationToken: ct),
            (k, name, _, ct) => k.CertificatesV1.ReadCertificateSigningRequestAsync(name, cancellationToken: ct),
            async (k, _, fs, ct) => (await k.CertificatesV1.ListCertificateSigningRequestAsync(fieldSelector: fs, cancellationToken: ct).ConfigureAwait(false)).Items,
            (k, name, _, ct) => k.CertificatesV1.DeleteCertificateSigningRequestAsync(name, cancellationToken: ct)),
        [typeof(V1Namespace)] = new ResourceOperations<V1Namespace>(
            (k, o, _, ct) => k.CoreV1.CreateNamespaceAsync(o, cancellationToken: ct),
            (k, o, name, _, ct) => k.CoreV1.ReplaceNamespaceAsync(o, name, cancellationToken: ct),
            (k, name, _, ct) => k.CoreV1.ReadNamespaceAsync(name, cancellationToken: ct),
            async (k, _, fs, ct) => (await k.CoreV1.ListNamespaceAsync(fieldSelector: fs, cancellationToken: ct).ConfigureAwait(false)).Items,
            (k, name, _, ct) => k.CoreV1.DeleteNamespaceAsync(name, cancellationToken: ct)),
        [typeof(V1Role)] = new ResourceOperations<V1Role>(
            (k, o, ns, ct) => k.RbacAuthorizationV1.CreateNamespacedRoleAsync(o, ns, cancellationToken: ct),
            (k, o, name, ns, ct) => k.RbacAuthorizationV1.ReplaceNamespacedRoleAsync(o, name, ns, cancellationToken: ct),
            (k, name, ns, ct) => k.RbacAuthorizationV1.ReadNamespacedRoleAsync(name, ns, cancellationToken: ct),
            async (k, ns, fs, ct) => (await k.RbacAuthorizationV1.ListNamespacedRoleAsync(ns, fieldSelector: fs, cancellationToken: ct).ConfigureAwait(false)).Items,
            (k, name, ns, ct) => k.RbacAuthorizationV1.DeleteNamespacedRoleAsync(name, ns, cancellationToken: ct)),
        [typeof(V1RoleBinding)] = new ResourceOperations<V1RoleBinding>(
            (k, o, ns, ct) => k.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(o, ns, cancellationToken: ct),
            (k, o, name, ns, ct) => k.RbacAuthorizationV1.ReplaceNamespacedRoleBindingAsync(o, name, ns, cancellationToken: ct),
            (k, name, ns, ct) => k.RbacAuthorizationV1.ReadNamespacedRoleBindingAsync(name, ns, cancellationToken: ct),
            async (k, ns, fs, ct) => (await k.RbacAuthorizationV1.ListNamespacedRoleBindingAsync(ns, fieldSelector: fs, cancellationToken: ct).ConfigureAwait(false)).Items,
            (k, name, ns, ct) => k.RbacAuthorizationV1.DeleteNamespacedRoleBindingAsync(name, ns, cancellationToken: ct)),
        [typeof(V1ClusterRole)] = new ResourceOperations<V1ClusterRole>(
            (k, o, _, ct) => k.RbacAuthorizationV1.CreateClusterRoleAsync(o, cancellationToken: ct),
            (k, o, name, _, ct) => k.RbacAuthorizationV1.ReplaceClusterRoleAsync(o, name, cancellationToken: ct),
            (k, name, _, ct) => k.RbacAuthorizationV1.ReadClusterRoleAsync(name, cancellationToken: ct),
            async (k, _, fs, ct) => (await k.RbacAuthorizationV1.ListClusterRoleAsync(fieldSelector: fs, cancellationToken: ct).ConfigureAwait(false)).Items,
            (k, name, _, ct) => k.RbacAuthorizationV1.DeleteClusterRoleAsync(name, cancellationToken: ct)),
        [typeof(V1ClusterRoleBinding)] = new ResourceOperations<V1ClusterRoleBinding>(
            (k, o, _, ct) => k.RbacAuthorizationV1.CreateClusterRoleBindingAsync(o, cancellationToken: ct),
            (k, o, name, _, ct) => k.RbacAuthorizationV1.ReplaceClusterRoleBindingAsync(o, name, cancellationToken: ct),
            (k, name, _, ct) => k.RbacAuthorizationV1.ReadClusterRoleBindingAsync(name, cancellationToken: ct),
            async (k, _, fs, ct) => (await k.RbacAuthorizationV1.ListClusterRoleBindingAsync(fieldSelector: fs, cancellationToken: ct).ConfigureAwait(false)).Items,
            (k, name, _, ct) => k.RbacAuthorizationV1.DeleteClusterRoleBindingAsync(name, cancellationToken: ct)),
        [typeof(V1Deployment)] = new ResourceOperations<V1Deployment>(
            (k, o, ns, ct) => k.AppsV1.CreateNamespacedDeploymentAsync(o, ns, cancellationToken: ct),
            (k, o, name, ns, ct) => k.AppsV1.ReplaceNamespacedDeploymentAsync(o, name, ns, cancellationToken: ct),
            (k, name, ns, ct) => k.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: ct),
            async (k, ns, fs, ct) => (await k.AppsV1.ListNamespacedDeploymentAsync(ns, fieldSelector: fs, cancellationToken: ct).ConfigureAwait(false)).Items,
            (k, name, ns, ct) => k.AppsV1.DeleteNamespacedDeploymentAsync(name, ns, cancellationToken: ct)),
        [typeof(V1DaemonSet)] = new ResourceOperations<V1DaemonSet>(
            (k, o, ns, ct) => k.AppsV1.CreateNamespacedDaemonSetAsync(o, ns, cancellationToken: ct),
            (k, o, name, ns, ct) => k.AppsV1.ReplaceNamespacedDaemonSetAsync(o, name, ns, cancellationToken: ct),
            (k, name, ns, ct) => k.AppsV1.ReadNamespacedDaemonSetAsync(name, ns, cancellationToken: ct),
            async (k, ns, fs, ct) => (await k.AppsV1.ListNamespacedDaemonSetAsync(ns, fieldSelector: fs, cancellationToken: ct).ConfigureAwait(false)).Items,
            (k, name, ns, ct) => k.AppsV1.DeleteNamespacedDaemonSetAsync(name, ns, cancellationToken: ct)),
        [typeof(V1Pod)] = new ResourceOperations<V1Pod>(
            (k, o, ns, ct) => k.CoreV1.CreateNamespacedPodAsync(o, ns, cancellationToken: ct),
            (k, o, name, ns, ct) => k.CoreV1.ReplaceNamespacedPodAsync(o, name, ns, cancellationToken: ct),
            (k, name, ns, ct) => k.CoreV1.ReadNamespacedPodAsync(name, ns, cancellationToken: ct),
            async (k, ns, fs, ct) => (await k.CoreV1.ListNamespacedPodAsync(ns, fieldSelector: fs, cancellationToken: ct).ConfigureAwait(false)).Items,
            (k, name, ns, ct) => k.CoreV1.DeleteNamespacedPodAsync(name, ns, cancellationToken: ct)),
        [typeof(V1Job)] = new ResourceOperations<V1Job>(
            (k, o, ns, ct) => k.BatchV1.CreateNamespacedJobAsync(o, ns, cancellationToken: ct),
            (k, o, name, ns, ct) => k.BatchV1.ReplaceNamespacedJobAsync(o, name, ns, cancellationToken: ct),
            (k, name, ns, ct) => k.BatchV1.ReadNamespacedJobAsync(name, ns, cancellationToken: ct),
            async (k, ns, fs, ct) => (await k.BatchV1.ListNamespacedJobAsync(ns, fieldSelector: fs, cancellationToken: ct).ConfigureAwait(false)).Items,
            (k, name, ns, ct) => k.BatchV1.DeleteNamespacedJobAsync(name, ns, cancellationToken: ct)),
    };

    public static ResourceOperations<T> For<T>()
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        Table.TryGetValue(typeof(T), out var operations)
            ? (ResourceOperations<T>)operations
            : throw new NotSupportedException($"kubeadm does not manage objects of type {typeof(T).Name}");
}
