using k8s.Models;

namespace Kubeadm.Core.UploadConfig;

/// <summary>
/// The RBAC pattern kubeadm uses to expose one object to joining nodes: a Role allowing "get" on that single named
/// object, and a RoleBinding of the same name granting it to groups.
/// </summary>
public static class SingleObjectReadRole
{
    public const string RbacGroup = "rbac.authorization.k8s.io";

    public static V1Role Role(string name, string namespaceName, string resource, string objectName) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = namespaceName },
        Rules =
        [
            new V1PolicyRule
            {
                Verbs = ["get"],
                ApiGroups = [""],
                Resources = [resource],
                ResourceNames = [objectName],
            },
        ],
    };

    /// <summary>Binds the Role called <paramref name="name"/> to each group, in the order given.</summary>
    public static V1RoleBinding Binding(string name, string namespaceName, params string[] groups) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = namespaceName },
        RoleRef = new V1RoleRef { ApiGroup = RbacGroup, Kind = "Role", Name = name },
        Subjects = [.. groups.Select(group => new Rbacv1Subject { ApiGroup = RbacGroup, Kind = "Group", Name = group })],
    };
}
