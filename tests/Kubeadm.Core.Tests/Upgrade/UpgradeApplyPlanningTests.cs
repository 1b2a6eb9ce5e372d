using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Upgrade.Apply;

namespace Kubeadm.Core.Tests.Upgrade;

public sealed class UpgradeApplyPlanningTests
{
    private const string Manifest = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: kube-apiserver
          namespace: kube-system
        spec:
          containers:
          - command:
            - kube-apiserver
            - --secure-port=6443
            image: registry.k8s.io/kube-apiserver:v1.33.5
            name: kube-apiserver
        """;

    [Fact]
    public void Certificates_are_renewed_per_component_as_kubeadm_does()
    {
        Assert.Equal(["etcd-server", "etcd-peer", "etcd-healthcheck-client"], UpgradeComponents.CertificatesOf(ComponentNames.Etcd, localEtcd: true));
        Assert.Empty(UpgradeComponents.CertificatesOf(ComponentNames.Etcd, localEtcd: false));
        Assert.Equal(["apiserver", "apiserver-kubelet-client", "front-proxy-client", "apiserver-etcd-client"], UpgradeComponents.CertificatesOf(ComponentNames.ApiServer, localEtcd: true));
        Assert.Equal(["apiserver", "apiserver-kubelet-client", "front-proxy-client"], UpgradeComponents.CertificatesOf(ComponentNames.ApiServer, localEtcd: false));
        Assert.Equal(["controller-manager.conf"], UpgradeComponents.CertificatesOf(ComponentNames.ControllerManager, localEtcd: true));
        Assert.Equal(["scheduler.conf"], UpgradeComponents.CertificatesOf(ComponentNames.Scheduler, localEtcd: true));
        Assert.Throws<ArgumentException>(() => UpgradeComponents.CertificatesOf("kube-proxy", localEtcd: true));
    }

    [Fact]
    public void Backup_directories_carry_kubeadms_names_and_timestamp()
    {
        var layout = UpgradeBackupLayout.For(new DateTimeOffset(2026, 10, 7, 17, 16, 33, TimeSpan.FromHours(2)));

        Assert.Equal("/etc/kubernetes/tmp/kubeadm-backup-manifests-2026-10-07-17-16-33", layout.ManifestsBackupDir);
        Assert.Equal("/etc/kubernetes/tmp/kubeadm-backup-etcd-2026-10-07-17-16-33", layout.EtcdBackupDir);
        Assert.Equal("/etc/kubernetes/tmp/kubeadm-backup-manifests-2026-10-07-17-16-33/kube-apiserver.yaml", layout.ManifestBackupPath("kube-apiserver"));
        Assert.Equal("/etc/kubernetes/tmp/kubeadm-backup-manifests-2026-10-07-17-16-33/pki/etcd/server.crt",
            layout.CertificateBackupPath("/etc/kubernetes/pki", "/etc/kubernetes/pki/etcd/server.crt"));
        Assert.Throws<ArgumentException>(() => layout.CertificateBackupPath("/etc/kubernetes/pki", "/etc/passwd"));
        Assert.Equal("/etc/kubernetes/tmp/kubeadm-kubelet-config-2026-10-07-17-16-33", UpgradeBackupLayout.KubeletConfigBackupDir(new DateTimeOffset(2026, 10, 7, 17, 16, 33, TimeSpan.Zero)));
    }

    [Fact]
    public void Manifests_compare_as_documents_and_the_image_tag_is_the_version()
    {
        var reordered = """
            kind: Pod
            apiVersion: v1
            metadata: {namespace: kube-system, name: kube-apiserver}
            spec:
              containers:
              - name: kube-apiserver
                image: registry.k8s.io/kube-apiserver:v1.33.5
                command: [kube-apiserver, --secure-port=6443]
            """;

        Assert.True(StaticPodManifestFacts.AreEqual(Manifest, reordered));
        Assert.False(StaticPodManifestFacts.AreEqual(Manifest, Manifest.Replace("v1.33.5", "v1.34.2", StringComparison.Ordinal)));
        Assert.False(StaticPodManifestFacts.AreEqual(Manifest, Manifest.Replace("--secure-port=6443", "--secure-port=6444", StringComparison.Ordinal)));
        Assert.False(StaticPodManifestFacts.AreEqual(Manifest, "spec: [unclosed"));
        Assert.Equal("v1.33.5", StaticPodManifestFacts.ImageVersion(Manifest));
        Assert.Equal("", StaticPodManifestFacts.ImageVersion("kind: Pod\n"));
        Assert.Equal("registry.k8s.io/kube-apiserver:v1.33.5", StaticPodManifestFacts.FirstContainerImage(Manifest));
    }

    [Theory]
    [InlineData("3.5.24-0", "3.6.5-0", EtcdUpgradeAction.Upgrade)]
    [InlineData("3.6.5-0", "3.6.5-0", EtcdUpgradeAction.Keep)]
    [InlineData("3.6.5", "3.6.5-0", EtcdUpgradeAction.Keep)]
    [InlineData("3.6.6-0", "3.6.5-0", EtcdUpgradeAction.RefuseDowngrade)]
    [InlineData("3.5.9-0", "3.5.24-0", EtcdUpgradeAction.Upgrade)]
    public void Etcd_moves_only_forward(string current, string desired, EtcdUpgradeAction expected) =>
        Assert.Equal(expected, EtcdUpgradeDecision.Decide(current, desired));

    [Fact]
    public void An_unreadable_etcd_version_is_an_error_naming_it()
    {
        var error = Assert.Throws<FormatException>(() => EtcdUpgradeDecision.Decide("latest", "3.6.5-0"));
        Assert.Contains("\"latest\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(
            "the desired etcd version for this Kubernetes version \"v1.34.2\" is \"3.6.5\", but the current etcd version is \"3.6.6\". Won't downgrade etcd, instead just continue",
            EtcdUpgradeDecision.DowngradeMessage("v1.34.2", "3.6.5-0", "3.6.6-0"));
    }

    [Fact]
    public void The_run_state_survives_its_file_and_a_foreign_file_starts_afresh()
    {
        var state = new UpgradeRunState { TargetVersion = "v1.34.2", Backups = UpgradeBackupLayout.For(DateTimeOffset.UnixEpoch), EtcdDataBackedUp = true };
        var apiServer = state.Component(ComponentNames.ApiServer);
        apiServer.FromVersion = "v1.33.5";
        apiServer.ToVersion = "v1.34.2";
        apiServer.Status = ComponentUpgradeStatus.Written;
        apiServer.BackupPath = state.Backups.ManifestBackupPath(ComponentNames.ApiServer);
        apiServer.Wait = TimeSpan.FromSeconds(1.25);
        apiServer.AddFile(new BackedUpFile("/etc/kubernetes/manifests/kube-apiserver.yaml", apiServer.BackupPath));
        apiServer.AddFile(new BackedUpFile("/etc/kubernetes/manifests/kube-apiserver.yaml", "/elsewhere"));

        var read = UpgradeRunStateJson.TryRead(UpgradeRunStateJson.Write(state))!;

        Assert.Equal(state.Backups, read.Backups);
        Assert.True(read.EtcdDataBackedUp);
        Assert.True(read.IsResumableFor("v1.34.2"));
        Assert.False(read.IsResumableFor("v1.34.3"));
        var component = read.Component(ComponentNames.ApiServer);
        Assert.Equal(ComponentUpgradeStatus.Written, component.Status);
        Assert.Equal("v1.33.5", component.FromVersion);
        Assert.Equal(TimeSpan.FromSeconds(1.25), component.Wait);
        Assert.Equal([new BackedUpFile("/etc/kubernetes/manifests/kube-apiserver.yaml", apiServer.BackupPath)], component.Files);
        Assert.Null(UpgradeRunStateJson.TryRead("not json"));
        Assert.Null(UpgradeRunStateJson.TryRead("{\"targetVersion\": 3}"));
        Assert.Null(UpgradeRunStateJson.TryRead("{}"));

        read.Completed = true;
        Assert.False(read.IsResumableFor("v1.34.2"));
    }

    [Fact]
    public void The_corefile_migration_knows_the_versions_kubeadm_moves_between_and_changes_nothing_in_them()
    {
        const string corefile = ".:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n";

        var result = CorefileMigration.Migrate("v1.12.0", "v1.12.1", corefile);

        Assert.False(result.MigrationRequired);
        Assert.Equal(corefile, result.Corefile);
        Assert.Empty(result.UnsupportedPlugins);
        Assert.True(CorefileMigration.CanMigrate("1.11.3", "v1.12.1"));
        Assert.False(CorefileMigration.CanMigrate("v1.12.1", "v1.12.0"));
        Assert.False(CorefileMigration.CanMigrate("v1.8.0", "v1.12.1"));
        Assert.Throws<ArgumentException>(() => CorefileMigration.Migrate("v1.8.0", "v1.12.1", corefile));
        Assert.Equal(
            ["errors", "health", "ready", "kubernetes", "prometheus", "forward", "cache", "loop", "reload", "loadbalance"],
            CorefileMigration.PluginNames(corefile));
        Assert.Equal(["mystery"], CorefileMigration.UnsupportedPlugins(".:53 {\n  mystery on # a plugin CoreDNS lacks\n  cache 30\n}\n"));
    }

    [Fact]
    public void The_rollback_script_restores_credentials_before_manifests_and_leaves_the_etcd_data_alone()
    {
        var state = new UpgradeRunState { TargetVersion = "v1.34.2", Backups = new UpgradeBackupLayout("/b", "/e"), EtcdDataBackedUp = true };
        state.Component(ComponentNames.ApiServer).AddFile(new BackedUpFile("/etc/kubernetes/manifests/kube-apiserver.yaml", "/b/kube-apiserver.yaml"));
        state.Component(ComponentNames.ApiServer).AddFile(new BackedUpFile("/etc/kubernetes/pki/apiserver.crt", "/b/pki/apiserver.crt"));

        var script = RollbackScript.Compose(state);

        var restores = script.Split('\n').Where(l => l.StartsWith("restore ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["restore '/b/pki/apiserver.crt' '/etc/kubernetes/pki/apiserver.crt'", "restore '/b/kube-apiserver.yaml' '/etc/kubernetes/manifests/kube-apiserver.yaml'"], restores);
        Assert.Contains("# etcd data before the upgrade: /e/etcd (not restored by this script)", script, StringComparison.Ordinal);
    }
}
