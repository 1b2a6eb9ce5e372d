using k8s.Models;
using Kubeadm.App.Upgrade;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Host;
using Kubeadm.Core.Upgrade.Apply;
using Kubeadm.Core.UploadConfig;

namespace Kubeadm.App.Tests.Upgrade;

public sealed class UpgradeApplyTests
{
    private static readonly string[] Components = [ComponentNames.Etcd, ComponentNames.ApiServer, ComponentNames.ControllerManager, ComponentNames.Scheduler];

    [Fact]
    public async Task Apply_moves_every_component_to_the_target_with_backups_renewed_certificates_and_the_new_configuration()
    {
        await using var harness = await new UpgradeHarness().InitAsync();
        var oldApiServerCert = harness.FileSystem.ReadAllBytes("/etc/kubernetes/pki/apiserver.crt");
        var oldManifests = Components.ToDictionary(c => c, harness.Manifest);

        var (context, _, error) = await harness.RunAsync(UpgradeHarness.Options());

        Assert.Null(error);
        Assert.Equal("3.6.5-0", harness.ImageOf(ComponentNames.Etcd));
        foreach (var component in UpgradeComponents.ControlPlane)
        {
            Assert.Equal(UpgradeHarness.ToVersion, harness.ImageOf(component));
        }

        var state = context.State!;
        Assert.True(state.Completed);
        foreach (var component in Components)
        {
            var record = state.Component(component);
            Assert.Equal(ComponentUpgradeStatus.Upgraded, record.Status);
            Assert.Equal(oldManifests[component], harness.FileSystem.ReadAllText(record.BackupPath));
            Assert.StartsWith("/etc/kubernetes/tmp/kubeadm-backup-manifests-", record.BackupPath, StringComparison.Ordinal);
        }

        Assert.Equal(UpgradeHarness.FromVersion, state.Component(ComponentNames.ApiServer).FromVersion);
        Assert.Equal(UpgradeHarness.ToVersion, state.Component(ComponentNames.ApiServer).ToVersion);

        // Certificates renewed as kubeadm does, the old ones kept beside the manifests.
        Assert.NotEqual(oldApiServerCert, harness.FileSystem.ReadAllBytes("/etc/kubernetes/pki/apiserver.crt"));
        Assert.Equal(oldApiServerCert, harness.FileSystem.ReadAllBytes(state.Backups.CertificateBackupPath("/etc/kubernetes/pki", "/etc/kubernetes/pki/apiserver.crt")));
        Assert.True(harness.FileSystem.FileExists(state.Backups.KubeconfigBackupPath("controller-manager.conf")));

        // etcd data copied before etcd moved; kubelet config backed up; the rollback script and state are there.
        Assert.Equal("etcd data at v1.33.5", harness.FileSystem.ReadAllText(state.Backups.EtcdDataBackupDir + "/member/snap/db"));
        Assert.Contains(harness.FileSystem.ListAllFiles(), f => f.StartsWith("/etc/kubernetes/tmp/kubeadm-kubelet-config-", StringComparison.Ordinal) && f.EndsWith("/config.yaml", StringComparison.Ordinal));
        Assert.Contains("restore ", harness.FileSystem.ReadAllText(state.Backups.RollbackScriptPath), StringComparison.Ordinal);
        Assert.True(harness.FileSystem.FileExists(UpgradeBackupLayout.StatePath));

        var kubeadmConfig = await harness.Cluster.GetAsync<V1ConfigMap>("kube-system", KubeadmConfigMap.Name, CancellationToken.None);
        Assert.Contains("kubernetesVersion: v1.34.2", kubeadmConfig!.Data[KubeadmConfigMap.ClusterConfigurationKey], StringComparison.Ordinal);

        var output = harness.Out.ToString();
        Assert.Contains("[upgrade/control-plane] Upgrading your static Pod-hosted control plane to version \"v1.34.2\" (timeout: 3s)...", output, StringComparison.Ordinal);
        Assert.Contains("[upgrade/staticpods] Renewing apiserver certificate", output, StringComparison.Ordinal);
        Assert.Contains("[apiclient] Found 1 Pods for label selector component=kube-scheduler", output, StringComparison.Ordinal);
        Assert.Contains("[upgrade/staticpods] Component \"kube-apiserver\" upgraded successfully!", output, StringComparison.Ordinal);
        Assert.Contains("[upgrade/etcd] Waiting for etcd to become available", output, StringComparison.Ordinal);
        Assert.Contains("[upgrade/kubelet-config] The kubelet configuration for this node was successfully upgraded!", output, StringComparison.Ordinal);
        Assert.Contains("[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to get nodes", output, StringComparison.Ordinal);
        Assert.Contains("[addons] Applied essential addon: CoreDNS", output, StringComparison.Ordinal);
        Assert.Contains("[addons] Applied essential addon: kube-proxy", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_component_whose_mirror_pod_hash_never_changes_rolls_back_every_manifest_and_certificate_this_run_replaced_but_etcd()
    {
        await using var harness = await new UpgradeHarness().InitAsync();
        harness.NeverRestarted.Add(ComponentNames.ControllerManager);
        var oldApiServer = harness.Manifest(ComponentNames.ApiServer);
        var oldControllerManager = harness.Manifest(ComponentNames.ControllerManager);
        var oldScheduler = harness.Manifest(ComponentNames.Scheduler);
        var oldApiServerCert = harness.FileSystem.ReadAllBytes("/etc/kubernetes/pki/apiserver.crt");
        var oldControllerManagerConf = harness.FileSystem.ReadAllBytes("/etc/kubernetes/controller-manager.conf");

        var (context, _, error) = await harness.RunAsync(UpgradeHarness.Options(o => o with { UpgradeManifestsTimeout = TimeSpan.FromMilliseconds(400) }));

        Assert.NotNull(error);
        Assert.StartsWith(StaticPodUpgrader.RollbackMessage, error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains("static Pod hash for component kube-controller-manager on Node n1 did not change after 400ms", StringComparison.Ordinal), error.Message);
        Assert.Equal(oldApiServer, harness.Manifest(ComponentNames.ApiServer));
        Assert.Equal(oldControllerManager, harness.Manifest(ComponentNames.ControllerManager));
        Assert.Equal(oldScheduler, harness.Manifest(ComponentNames.Scheduler));
        Assert.Equal(oldApiServerCert, harness.FileSystem.ReadAllBytes("/etc/kubernetes/pki/apiserver.crt"));
        Assert.Equal(oldControllerManagerConf, harness.FileSystem.ReadAllBytes("/etc/kubernetes/controller-manager.conf"));
        Assert.Equal("3.6.5-0", harness.ImageOf(ComponentNames.Etcd));

        var state = context.State!;
        Assert.Equal(ComponentUpgradeStatus.RolledBack, state.Component(ComponentNames.ApiServer).Status);
        Assert.Equal(ComponentUpgradeStatus.RolledBack, state.Component(ComponentNames.ControllerManager).Status);
        Assert.Equal(ComponentUpgradeStatus.Pending, state.Component(ComponentNames.Scheduler).Status);
        Assert.Equal(ComponentUpgradeStatus.Upgraded, state.Component(ComponentNames.Etcd).Status);
        Assert.False(state.Completed);
        Assert.True(state.Component(ComponentNames.ControllerManager).Wait >= TimeSpan.FromMilliseconds(400));
        Assert.Contains("[upgrade/staticpods] Restored the manifest and certificates of kube-apiserver", harness.Out.ToString(), StringComparison.Ordinal);

        // The kubeadm-config ConfigMap still says the old version: the later phases never ran.
        var kubeadmConfig = await harness.Cluster.GetAsync<V1ConfigMap>("kube-system", KubeadmConfigMap.Name, CancellationToken.None);
        Assert.Contains("kubernetesVersion: v1.33.5", kubeadmConfig!.Data[KubeadmConfigMap.ClusterConfigurationKey], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_component_that_restarts_but_never_runs_is_rolled_back_too()
    {
        await using var harness = await new UpgradeHarness().InitAsync();
        harness.NeverRunning.Add(ComponentNames.Scheduler);
        var oldScheduler = harness.Manifest(ComponentNames.Scheduler);

        var (context, _, error) = await harness.RunAsync(UpgradeHarness.Options(o => o with { UpgradeManifestsTimeout = TimeSpan.FromMilliseconds(400) }));

        Assert.NotNull(error);
        Assert.Contains("the Pods with label selector component=kube-scheduler were not all Running after 400ms; Pod kube-scheduler-n1 is Pending", error.Message, StringComparison.Ordinal);
        Assert.Equal(oldScheduler, harness.Manifest(ComponentNames.Scheduler));
        Assert.Equal(UpgradeHarness.FromVersion, harness.ImageOf(ComponentNames.ApiServer));
        Assert.Equal(ComponentUpgradeStatus.RolledBack, context.State!.Component(ComponentNames.Scheduler).Status);
    }

    [Fact]
    public async Task An_interrupted_apply_is_finished_by_running_it_again_with_the_first_backups_kept()
    {
        await using var harness = await new UpgradeHarness().InitAsync();
        var oldScheduler = harness.Manifest(ComponentNames.Scheduler);
        var oldApiServer = harness.Manifest(ComponentNames.ApiServer);

        // First run: the kubelet does not pick the scheduler up, and the run is killed while it waits.
        harness.NeverRestarted.Add(ComponentNames.Scheduler);
        using var interrupt = new CancellationTokenSource();
        var first = harness.RunAsync(UpgradeHarness.Options(o => o with { UpgradeManifestsTimeout = TimeSpan.FromMinutes(1) }), interrupt.Token);
        while (!harness.FileSystem.FileExists(UpgradeBackupLayout.StatePath)
               || !harness.FileSystem.ReadAllText(UpgradeBackupLayout.StatePath).Contains("\"name\": \"kube-scheduler\"", StringComparison.Ordinal)
               || UpgradeRunStateJson.TryRead(harness.FileSystem.ReadAllText(UpgradeBackupLayout.StatePath))!.Component(ComponentNames.Scheduler).Status != ComponentUpgradeStatus.Written)
        {
            await Task.Delay(10);
        }

        await interrupt.CancelAsync();
        var (_, _, interrupted) = await first;
        Assert.IsAssignableFrom<OperationCanceledException>(interrupted);
        var stateAfterKill = UpgradeRunStateJson.TryRead(harness.FileSystem.ReadAllText(UpgradeBackupLayout.StatePath))!;
        Assert.Equal(UpgradeHarness.ToVersion, harness.ImageOf(ComponentNames.Scheduler));

        // Second run: the kubelet now runs it; the same backups are used, the finished components are left alone.
        harness.NeverRestarted.Clear();
        var (context, _, error) = await harness.RunAsync(UpgradeHarness.Options());

        Assert.Null(error);
        var state = context.State!;
        Assert.Equal(stateAfterKill.Backups, state.Backups);
        Assert.Equal(oldScheduler, harness.FileSystem.ReadAllText(state.Backups.ManifestBackupPath(ComponentNames.Scheduler)));
        Assert.Equal(oldApiServer, harness.FileSystem.ReadAllText(state.Backups.ManifestBackupPath(ComponentNames.ApiServer)));
        Assert.Equal(UpgradeHarness.FromVersion, state.Component(ComponentNames.ApiServer).FromVersion);
        Assert.Equal(ComponentUpgradeStatus.Upgraded, state.Component(ComponentNames.Scheduler).Status);
        Assert.True(state.Completed);
        var output = harness.Out.ToString();
        Assert.Contains("[upgrade] Resuming the unfinished upgrade to \"v1.34.2\"", output, StringComparison.Ordinal);
        Assert.Contains("[upgrade/staticpods] Current and new manifests of kube-apiserver are equal, skipping upgrade", output, StringComparison.Ordinal);
        Assert.Contains("[upgrade/staticpods] The new manifest of kube-scheduler is in place from an interrupted run; waiting for its Pods to run", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[upgrade/staticpods] Renewing apiserver certificate", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_writes_no_file_and_changes_nothing_in_the_cluster()
    {
        await using var harness = await new UpgradeHarness().InitAsync();
        var before = harness.FileSystem.ListAllFiles().ToDictionary(f => f, harness.FileSystem.ReadAllBytes);
        var requestsBefore = harness.Cluster.Requests.Count;

        var (_, _, error) = await harness.RunAsync(UpgradeHarness.Options(o => o with { DryRun = true, Yes = false }));

        Assert.Null(error);
        var after = harness.FileSystem.ListAllFiles().ToDictionary(f => f, harness.FileSystem.ReadAllBytes);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.All(before, entry => Assert.Equal(entry.Value, after[entry.Key]));
        var writes = harness.Cluster.Requests.Skip(requestsBefore).Where(r => r.Verb is not ("get" or "list")).ToList();
        Assert.Empty(writes);
        var output = harness.Out.ToString();
        Assert.Contains("[dryrun] Would write file \"/etc/kubernetes/manifests/kube-apiserver.yaml\" with content:", output, StringComparison.Ordinal);
        Assert.Contains("image: registry.k8s.io/kube-apiserver:v1.34.2", output, StringComparison.Ordinal);
        Assert.Contains("[dryrun] Would create or update configmaps kube-system/kubeadm-config", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_two_minors_ahead_is_refused_before_anything_is_written()
    {
        await using var harness = await new UpgradeHarness().InitAsync();
        harness.Cluster.ServerVersion = "v1.32.4";
        var apiServer = harness.Manifest(ComponentNames.ApiServer);

        var (_, _, error) = await harness.RunAsync(UpgradeHarness.Options());

        Assert.NotNull(error);
        Assert.StartsWith("the version argument is invalid due to these fatal errors:", error.Message, StringComparison.Ordinal);
        Assert.Contains("kubeadm can upgrade only 1 minor version at a time", error.Message, StringComparison.Ordinal);
        Assert.Equal(apiServer, harness.Manifest(ComponentNames.ApiServer));
        Assert.False(harness.FileSystem.FileExists(UpgradeBackupLayout.StatePath));
    }

    [Fact]
    public async Task The_health_checks_use_kubeadms_names_so_they_can_be_ignored()
    {
        await using var harness = await new UpgradeHarness().InitAsync();
        var node = (await harness.Cluster.GetAsync<V1Node>("", UpgradeHarness.NodeName, CancellationToken.None))!;
        node.Status.Conditions = [new V1NodeCondition { Type = "Ready", Status = "False" }];
        harness.Cluster.Seed(node);

        var (_, _, refused) = await harness.RunAsync(UpgradeHarness.Options());
        Assert.NotNull(refused);
        Assert.Contains("[ERROR ControlPlaneNodesReady]: there are NotReady control-planes in the cluster: [n1]", harness.Err.ToString(), StringComparison.Ordinal);
        Assert.False(harness.FileSystem.FileExists(UpgradeBackupLayout.StatePath));

        var (_, _, error) = await harness.RunAsync(UpgradeHarness.Options(o => o with { IgnorePreflightErrors = ["ControlPlaneNodesReady"] }));
        Assert.Null(error);
        Assert.Contains("[WARNING ControlPlaneNodesReady]", harness.Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_yes_the_user_is_asked_and_anything_but_y_stops_the_upgrade()
    {
        await using var harness = await new UpgradeHarness().InitAsync();
        harness.Answers.Enqueue("n");

        var (_, _, error) = await harness.RunAsync(UpgradeHarness.Options(o => o with { Yes = false }));

        Assert.NotNull(error);
        Assert.Equal("won't proceed; the user didn't answer (Y|y) in order to continue", error.Message);
        Assert.Contains("[upgrade] Are you sure you want to proceed? [y/N]: ", harness.Out.ToString(), StringComparison.Ordinal);
        Assert.Equal(UpgradeHarness.FromVersion, harness.ImageOf(ComponentNames.ApiServer));
    }

    [Fact]
    public async Task Addons_wait_until_every_control_plane_runs_the_new_api_server()
    {
        await using var harness = await new UpgradeHarness().InitAsync();
        harness.Cluster.Seed(new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = "kube-apiserver-n2",
                NamespaceProperty = "kube-system",
                Labels = new Dictionary<string, string> { ["component"] = ComponentNames.ApiServer },
            },
            Spec = new V1PodSpec { NodeName = "n2", Containers = [new V1Container { Name = ComponentNames.ApiServer, Image = "registry.k8s.io/kube-apiserver:v1.33.5" }] },
            Status = new V1PodStatus { Phase = "Running" },
        });

        var (_, _, error) = await harness.RunAsync(UpgradeHarness.Options());

        Assert.Null(error);
        var output = harness.Out.ToString();
        Assert.Contains("[upgrade/addon] Skipping upgrade of addons because control plane instances [n2] have not been upgraded", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[addons] Applied essential addon: CoreDNS", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upgrade_node_on_a_worker_only_rewrites_the_kubelet_configuration()
    {
        await using var harness = await new UpgradeHarness().InitAsync();
        (await harness.RunAsync(UpgradeHarness.Options())).Error.ShouldBeNull();
        foreach (var component in Components)
        {
            harness.FileSystem.DeleteFile(StaticPodUpgrader.ManifestPath(component));
        }

        var (context, _, error) = await harness.RunAsync(UpgradeHarness.Options(o => o with { TargetVersion = null }), isApply: false);

        Assert.Null(error);
        Assert.False(context.IsControlPlaneNode);
        Assert.Equal(UpgradeHarness.ToVersion, context.TargetVersion);
        var output = harness.Out.ToString();
        Assert.Contains("[upgrade/control-plane] Skipping phase. Not a control plane node.", output, StringComparison.Ordinal);
        Assert.Contains("[upgrade/kubelet-config] The kubelet configuration for this node was successfully upgraded!", output, StringComparison.Ordinal);
        Assert.Contains("[upgrade/addon] Skipping the addon/coredns phase. Not a control plane node.", output, StringComparison.Ordinal);
    }
}
