namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>`kubeadm kubeconfig user` prints kubeconfigs the real API server accepts.</summary>
public sealed partial class ClusterPhasesEndToEndTests
{
    [ControlPlaneFact]
    public async Task Should_AuthenticateTheNewUser_When_KubectlUsesThePrintedKubeconfig()
    {
        var plain = await UserKubeconfigAsync("kubeconfig", "user", "--client-name", "e2e-user", "--config", cluster.ConfigPath);
        var denied = await ProcessKubelet.KubectlAsync(plain, null, "get", "pods", "-n", Ns);
        Assert.Contains("User \"e2e-user\" cannot list resource \"pods\"", denied.Error);

        var admin = await UserKubeconfigAsync("kubeconfig", "user", "--client-name", "e2e-admin", "--org", "kubeadm:cluster-admins", "--config", cluster.ConfigPath);
        var allowed = await ProcessKubelet.KubectlAsync(admin, null, "get", "pods", "-n", Ns, "-o", "name");
        Assert.True(allowed.ExitCode == 0, allowed.Error);

        // A token kubeconfig: the bootstrap token authenticates as system:bootstrap:<id>, which may get (not list) nodes.
        var token = await UserKubeconfigAsync("kubeconfig", "user", "--client-name", "e2e-token", "--token", ClusterPhasesFixture.Token, "--config", cluster.ConfigPath);
        var nodes = await ProcessKubelet.KubectlAsync(token, null, "get", "node", ClusterPhasesFixture.NodeName, "-o", "name");
        Assert.True(nodes.ExitCode == 0, nodes.Error);
        Assert.Equal($"node/{ClusterPhasesFixture.NodeName}", nodes.Output.Trim());
    }

    private async Task<string> UserKubeconfigAsync(params string[] args)
    {
        var printed = await cluster.MustRunAsync(args);
        var path = Path.Combine(cluster.Work, args[3] + ".conf");
        await File.WriteAllTextAsync(path, printed);
        return path;
    }
}
