using k8s;
using k8s.Models;

namespace Kubeadm.Core.ClusterApi;

/// <summary>
/// --dry-run's cluster: every call is printed as kubeadm's dry-run client logs it (the action; the name and namespace
/// of GET, DELETE and PATCH; the object of CREATE as YAML) and mutations are applied only to an in-memory copy, so
/// later phases read what earlier ones "created"; reads are answered from that copy, which the caller seeds with the
/// objects kubeadm synthesizes (e.g. this node).
/// </summary>
public sealed class DryRunClusterApi : IClusterApi
{
    private readonly InMemoryClusterApi _state;
    private readonly TextWriter _output;

    public DryRunClusterApi(InMemoryClusterApi state, TextWriter output)
    {
        _state = state;
        _output = output;
    }

    public Task<T> CreateOrUpdateAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        Print("CREATE", item);
        return _state.CreateOrUpdateAsync(item, cancellationToken);
    }

    public Task<T> CreateIfMissingAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        Print("CREATE", item);
        return _state.CreateIfMissingAsync(item, cancellationToken);
    }

    public Task<T?> GetAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        PrintAction<T>("GET");
        PrintName(name, namespaceName);
        return _state.GetAsync<T>(namespaceName, name, cancellationToken);
    }

    public Task<IReadOnlyList<T>> ListAsync<T>(string namespaceName, string? fieldSelector, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        PrintAction<T>("LIST");
        return _state.ListAsync<T>(namespaceName, fieldSelector, cancellationToken);
    }

    public Task<bool> DeleteAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        PrintAction<T>("DELETE");
        PrintName(name, namespaceName);
        return _state.DeleteAsync<T>(namespaceName, name, cancellationToken);
    }

    public Task<string> GetServerVersionAsync(CancellationToken cancellationToken) => _state.GetServerVersionAsync(cancellationToken);

    public Task<V1Node> PatchNodeAsync(string name, string strategicMergePatch, CancellationToken cancellationToken)
    {
        PrintAction<V1Node>("PATCH");
        PrintName(name, "");
        _output.WriteLine($"[dryrun] Attached patch:\n\t{strategicMergePatch}");
        return _state.PatchNodeAsync(name, strategicMergePatch, cancellationToken);
    }

    public Task<V1CertificateSigningRequest> ApproveCertificateSigningRequestAsync(
        V1CertificateSigningRequest csr, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csr);
        PrintAction<V1CertificateSigningRequest>("UPDATE");
        PrintName(csr.Metadata.Name + "/approval", "");
        return _state.ApproveCertificateSigningRequestAsync(csr, reason, message, cancellationToken);
    }

    private void PrintAction<T>(string verb)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var resource = ApiResource.Of<T>();
        _output.WriteLine($"[dryrun] Would perform action {verb} on resource \"{resource.Resource}\" in API group \"{resource.GroupVersionForDisplay}\"");
    }

    private void PrintName(string name, string namespaceName) =>
        _output.WriteLine($"[dryrun] Resource name \"{name}\", namespace \"{namespaceName}\"");

    private void Print<T>(string verb, T item)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        PrintAction<T>(verb);
        _output.WriteLine("[dryrun] Attached object:");
        if (item is V1Secret { Data.Count: > 0 } secret)
        {
            // Secret values (token secrets, encrypted keys) are never printed; their keys are.
            var shown = ApiObjects.DeepCopy(secret);
            shown.Data = shown.Data.ToDictionary(entry => entry.Key, _ => "<redacted>"u8.ToArray());
            _output.Write(ApiObjects.ToYaml(shown));
            return;
        }

        _output.Write(Host.SecretRedactor.Redact(ApiObjects.ToYaml(item)));
    }
}
