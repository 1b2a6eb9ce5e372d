using System.Text.Json.Nodes;

namespace Kubeadm.Core.Configuration;

/// <summary>
/// A core/v1 EnvVar. <see cref="ValueFrom"/> is kept as the JSON tree the user wrote (fieldRef, secretKeyRef, …)
/// and is turned into the client's model type when a pod is built.
/// </summary>
public sealed record EnvVar(string Name, string Value, JsonObject? ValueFrom = null);
