using k8s;
using k8s.Models;

namespace Kubeadm.Core.ClusterApi;

/// <summary>The field selectors kubeadm uses (only "type=&lt;secret type&gt;"), evaluated in memory by the fake API.</summary>
public static class FieldSelector
{
    public static bool Matches<T>(T item, string? selector)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        if (string.IsNullOrEmpty(selector))
        {
            return true;
        }

        var parts = selector.Split('=', 2);
        return parts.Length == 2 && parts[0] == "type" && item is V1Secret secret && secret.Type == parts[1];
    }
}
