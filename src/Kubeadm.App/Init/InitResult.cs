using Kubeadm.Core.ClusterApi;
using Kubeadm.Workflow;

namespace Kubeadm.App.Init;

/// <summary>
/// What `kubeadm init -o json|yaml` reports: where the cluster is, how to join it, what was changed and how each phase
/// went. Secrets follow the print flags: the token and certificate key are withheld when their printing is skipped.
/// </summary>
public sealed record InitResult
{
    public const string Withheld = "<value withheld>";

    public required string KubernetesVersion { get; init; }

    public required bool DryRun { get; init; }

    public required bool Succeeded { get; init; }

    public string? Error { get; init; }

    /// <summary>host:port from admin.conf; null when no admin.conf was written.</summary>
    public string? ApiServerEndpoint { get; init; }

    public IReadOnlyList<string> CaCertHashes { get; init; } = [];

    public string? Token { get; init; }

    public string? CertificateKey { get; init; }

    public IReadOnlyList<string> FilesWritten { get; init; } = [];

    public IReadOnlyList<ApiRequest> ObjectsChanged { get; init; } = [];

    public IReadOnlyList<PhaseRecord> Phases { get; init; } = [];
}
