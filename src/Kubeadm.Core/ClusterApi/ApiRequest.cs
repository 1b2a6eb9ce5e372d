namespace Kubeadm.Core.ClusterApi;

/// <summary>One call made to the cluster (verb, resource, namespace, name), as recorded by the fake and dry-run APIs.</summary>
public sealed record ApiRequest(string Verb, string Resource, string Namespace, string Name);
