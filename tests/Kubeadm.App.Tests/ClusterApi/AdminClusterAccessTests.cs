using k8s.Models;
using Kubeadm.App.ClusterApi;
using Kubeadm.Core.ClusterApi;

namespace Kubeadm.App.Tests.ClusterApi;

public sealed class AdminClusterAccessTests
{
    [Fact]
    public async Task Should_CreateTheBindingWithAdmin_When_AdminIsAllowed()
    {
        var admin = new InMemoryClusterApi();
        var access = new AdminClusterAccess(() => admin, () => throw new InvalidOperationException("not needed"), TextWriter.Null);

        var api = await access.GetAsync(CancellationToken.None);

        Assert.Same(admin, api);
        var binding = await admin.GetAsync<V1ClusterRoleBinding>("", "kubeadm:cluster-admins", CancellationToken.None);
        Assert.Equal("cluster-admin", binding!.RoleRef.Name);
        Assert.Equal("kubeadm:cluster-admins", Assert.Single(binding.Subjects).Name);
    }

    [Fact]
    public async Task Should_FallBackToSuperAdmin_When_AdminIsForbidden()
    {
        var superAdmin = new InMemoryClusterApi();
        var output = new StringWriter();
        var access = new AdminClusterAccess(() => new ForbiddenClusterApi(), () => superAdmin, output, TimeSpan.FromMilliseconds(300));

        var api = await access.GetAsync(CancellationToken.None);

        Assert.IsType<ForbiddenClusterApi>(api);
        Assert.NotNull(await superAdmin.GetAsync<V1ClusterRoleBinding>("", "kubeadm:cluster-admins", CancellationToken.None));
        Assert.Contains("by using super-admin.conf", output.ToString());
    }

    [Fact]
    public async Task Should_ExplainWhatIsMissing_When_AdminIsForbiddenAndThereIsNoSuperAdmin()
    {
        var access = new AdminClusterAccess(() => new ForbiddenClusterApi(), () => null, TextWriter.Null);

        var error = await Assert.ThrowsAsync<ClusterApiException>(() => access.GetAsync(CancellationToken.None));

        Assert.Contains("no super-admin.conf", error.Message);
    }

    private sealed class ForbiddenClusterApi : IClusterApi
    {
        public Task<T> CreateOrUpdateAsync<T>(T item, CancellationToken cancellationToken)
            where T : class, k8s.IKubernetesObject<V1ObjectMeta> => throw Forbidden();

        public Task<T> CreateIfMissingAsync<T>(T item, CancellationToken cancellationToken)
            where T : class, k8s.IKubernetesObject<V1ObjectMeta> => throw Forbidden();

        public Task<T?> GetAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
            where T : class, k8s.IKubernetesObject<V1ObjectMeta> => throw Forbidden();

        public Task<IReadOnlyList<T>> ListAsync<T>(string namespaceName, string? fieldSelector, CancellationToken cancellationToken)
            where T : class, k8s.IKubernetesObject<V1ObjectMeta> => throw Forbidden();

        public Task<bool> DeleteAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
            where T : class, k8s.IKubernetesObject<V1ObjectMeta> => throw Forbidden();

        public Task<string> GetServerVersionAsync(CancellationToken cancellationToken) => throw Forbidden();

        public Task<V1Node> PatchNodeAsync(string name, string strategicMergePatch, CancellationToken cancellationToken) => throw Forbidden();

        public Task<V1CertificateSigningRequest> ApproveCertificateSigningRequestAsync(
            V1CertificateSigningRequest csr, string reason, string message, CancellationToken cancellationToken) => throw Forbidden();

        private static ClusterApiException Forbidden() => new("forbidden", 403);
    }
}
