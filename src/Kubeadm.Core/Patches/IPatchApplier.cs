using System.Text.Json.Nodes;

namespace Kubeadm.Core.Patches;

/// <summary>
/// Applies the user's --patches to a document kubeadm is about to write, by kubeadm's target name
/// ("kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd", "kubeletconfiguration", "corednsdeployment").
/// </summary>
public interface IPatchApplier
{
    /// <summary>The patched document (the same instance when no patch targets it).</summary>
    JsonObject Apply(string target, JsonObject document);
}
