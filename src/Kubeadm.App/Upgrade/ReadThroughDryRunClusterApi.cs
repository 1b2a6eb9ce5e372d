using k8s;
using k8s.Models;
using Kubeadm.Core.ClusterApi;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// `upgrade --dry-run`'s cluster, as kubeadm's dry-run client for upgrades: reads go to the real API server (the
/// upgrade needs the cluster's state), every write is printed and kept only in memory, so later reads of this run see
/// it while the cluster is left untouched.
/// <para>
/// Kept apart from Core's <see cref="DryRunClusterApi"/> on purpose: that one answers every read from a seeded
/// in-memory cluster, applies deletes, patches and approvals to it and logs kubeadm's multi-line action/object lines;
/// this one reads the real cluster, only remembers created objects and logs one line a write. Only the two create
/// calls are alike, and one base for them would tie two different output formats and read models together.
/// </para>
/// </summary>
public sealed class ReadThroughDryRunClusterApi : IClusterApi
{
    private readonly IClusterApi _real;
    private readonly InMemoryClusterApi _written = new();
    private readonly TextWriter _output;

    public ReadThroughDryRunClusterApi(IClusterApi real, TextWriter output)
    {
        _real = real;
        _output = output;
    }

    public Task<T> CreateOrUpdateAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        Print("create or update", item);
        return _written.CreateOrUpdateAsync(item, cancellationToken);
    }

    public Task<T> CreateIfMissingAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        Print("create (if missing)", item);
        return _written.CreateIfMissingAsync(item, cancellationToken);
    }

    public async Task<T?> GetAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        await _written.GetAsync<T>(namespaceName, name, cancellationToken).ConfigureAwait(false)
            ?? await _real.GetAsync<T>(namespaceName, name, cancellationToken).ConfigureAwait(false);

    public Task<IReadOnlyList<T>> ListAsync<T>(string namespaceName, string? fieldSelector, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> => _real.ListAsync<T>(namespaceName, fieldSelector, cancellationToken);

    public Task<bool> DeleteAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        _output.WriteLine($"[dryrun] Would delete {ApiResource.Of<T>().Resource} {Qualified(namespaceName, name)}");
        return Task.FromResult(true);
    }

    public async Task<V1Node> PatchNodeAsync(string name, string strategicMergePatch, CancellationToken cancellationToken)
    {
        _output.WriteLine($"[dryrun] Would patch nodes {name} with {strategicMergePatch}");
        return await _real.GetAsync<V1Node>("", name, cancellationToken).ConfigureAwait(false)
            ?? throw new ClusterApiException($"nodes \"{name}\" not found", 404);
    }

    public Task<V1CertificateSigningRequest> ApproveCertificateSigningRequestAsync(
        V1CertificateSigningRequest csr, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csr);
        _output.WriteLine($"[dryrun] Would approve certificatesigningrequests {csr.Metadata?.Name}");
        return Task.FromResult(csr);
    }

    public Task<string> GetServerVersionAsync(CancellationToken cancellationToken) => _real.GetServerVersionAsync(cancellationToken);

    private void Print<T>(string verb, T item)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        _output.WriteLine($"[dryrun] Would {verb} {ApiResource.Of<T>().Resource} {Qualified(item.Metadata?.NamespaceProperty ?? "", item.Metadata?.Name ?? "")}");

    private static string Qualified(string namespaceName, string name) => namespaceName.Length == 0 ? name : $"{namespaceName}/{name}";
}
