using k8s.Models;
using Kubeadm.Core.ClusterApi;

namespace Kubeadm.App.ClusterApi;

/// <summary>
/// kubeadm's way to get the API client the cluster phases use: admin.conf, after making sure the
/// ClusterRoleBinding "kubeadm:cluster-admins" exists. On a new cluster admin.conf's group has no rights yet, so the
/// binding is created with super-admin.conf (system:masters) when admin.conf is forbidden to create it.
/// </summary>
public sealed class AdminClusterAccess
{
    public const string ClusterAdminsGroup = "kubeadm:cluster-admins";

    private readonly Func<IClusterApi> _admin;
    private readonly Func<IClusterApi?> _superAdmin;
    private readonly TextWriter _output;
    private readonly TimeSpan _bindingPropagationTimeout;
    private IClusterApi? _ready;

    /// <param name="admin">The client over admin.conf.</param>
    /// <param name="superAdmin">The client over super-admin.conf, or null when there is none.</param>
    /// <param name="output">Where the "[init] creating the ClusterRoleBinding" line goes.</param>
    /// <param name="bindingPropagationTimeout">How long admin.conf may stay forbidden after super-admin.conf made the binding (default 30 s).</param>
    public AdminClusterAccess(Func<IClusterApi> admin, Func<IClusterApi?> superAdmin, TextWriter output, TimeSpan? bindingPropagationTimeout = null)
    {
        _admin = admin;
        _superAdmin = superAdmin;
        _output = output;
        _bindingPropagationTimeout = bindingPropagationTimeout ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>For contexts built without a cluster (tests of file phases): any use is a bug, said plainly.</summary>
    public static AdminClusterAccess Unavailable { get; } = new(
        () => throw new InvalidOperationException("this context has no cluster access configured"), () => null, TextWriter.Null);

    public async Task<IClusterApi> GetAsync(CancellationToken cancellationToken)
    {
        if (_ready is not null)
        {
            return _ready;
        }

        var admin = _admin();
        try
        {
            await admin.CreateIfMissingAsync(Binding(), cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException e) when (e.StatusCode == 403)
        {
            var superAdmin = _superAdmin()
                ?? throw new ClusterApiException(
                    $"admin.conf is not allowed to create the ClusterRoleBinding \"{ClusterAdminsGroup}\" and there is no super-admin.conf to create it with: {e.Message}",
                    e.StatusCode,
                    e);
            _output.WriteLine($"[init] creating the ClusterRoleBinding for the {ClusterAdminsGroup} Group by using super-admin.conf");
            await superAdmin.CreateIfMissingAsync(Binding(), cancellationToken).ConfigureAwait(false);
            await WaitUntilBindingAppliesAsync(admin, _bindingPropagationTimeout, cancellationToken).ConfigureAwait(false);
        }

        _ready = admin;
        return admin;
    }

    /// <summary>
    /// The API server's RBAC authorizer learns of a new binding through its informer, a moment after the create: until
    /// then admin.conf's requests are still 403. Reads the binding as admin until it is allowed (bounded; the last 403
    /// then surfaces in the first real call).
    /// </summary>
    private static async Task WaitUntilBindingAppliesAsync(IClusterApi admin, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await admin.GetAsync<V1ClusterRoleBinding>("", ClusterAdminsGroup, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ClusterApiException e) when (e.StatusCode == 403 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }
            catch (ClusterApiException e) when (e.StatusCode == 403)
            {
                return;
            }
        }
    }

    /// <summary>kubeadm:cluster-admins → ClusterRole cluster-admin, for the group admin.conf's certificate carries.</summary>
    public static V1ClusterRoleBinding Binding() => new()
    {
        Metadata = new V1ObjectMeta { Name = ClusterAdminsGroup },
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "cluster-admin" },
        Subjects = [new Rbacv1Subject { ApiGroup = "rbac.authorization.k8s.io", Kind = "Group", Name = ClusterAdminsGroup }],
    };
}
