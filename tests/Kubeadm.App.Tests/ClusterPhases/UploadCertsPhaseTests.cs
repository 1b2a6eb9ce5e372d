using System.Text;
using k8s.Models;
using Kubeadm.App.ClusterPhases;
using Kubeadm.App.Init;
using Kubeadm.App.Tests.Certs;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Host;
using Kubeadm.Core.UploadCerts;

namespace Kubeadm.App.Tests.ClusterPhases;

public sealed class UploadCertsPhaseTests
{
    private const string GivenKey = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly string[] LocalEtcdKeys =
        ["ca.crt", "ca.key", "etcd-ca.crt", "etcd-ca.key", "front-proxy-ca.crt", "front-proxy-ca.key", "sa.key", "sa.pub"];

    [Fact]
    public async Task Should_EncryptEveryFileWithThePrintedKey_When_UploadingCerts()
    {
        var fixture = WithPki(new ClusterPhasesFixture());

        var output = await fixture.RunAsync(UploadCertsPhase.RunAsync);

        var lines = output.Split('\n');
        Assert.Equal("[upload-certs] Storing the certificates in Secret \"kubeadm-certs\" in the \"kube-system\" Namespace", lines[0]);
        Assert.Equal("[upload-certs] Using certificate key:", lines[1]);
        var key = lines[2];
        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.Equal(key, fixture.LastContext!.UploadedCertificateKey);
        var secret = await Get<V1Secret>(fixture, "kubeadm-certs");
        Assert.Equal(LocalEtcdKeys, secret.Data.Keys.Order(StringComparer.Ordinal));
        foreach (var (dataKey, value) in secret.Data)
        {
            var path = CertsFixture.PathOf(dataKey.Replace("etcd-", "etcd/", StringComparison.Ordinal));
            Assert.Equal(fixture.FileSystem.ReadAllBytes(path), CertificateKeyCipher.Decrypt(value, Convert.FromHexString(key)));
        }
    }

    [Fact]
    public async Task Should_BeOwnedByATwoHourTokenThatCanDoNothing_When_Uploaded()
    {
        var fixture = WithPki(new ClusterPhasesFixture());

        await fixture.RunAsync(UploadCertsPhase.RunAsync);

        var token = Assert.Single(await fixture.Api.ListAsync<V1Secret>("kube-system", "type=bootstrap.kubernetes.io/token", CancellationToken.None));
        Assert.Equal(
            ["description", "expiration", "token-id", "token-secret"],
            token.Data.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Proxy for managing TTL for the kubeadm-certs secret", Encoding.UTF8.GetString(token.Data["description"]));
        Assert.Equal("2025-03-01T14:00:00Z", Encoding.UTF8.GetString(token.Data["expiration"]));
        var owner = Assert.Single((await Get<V1Secret>(fixture, "kubeadm-certs")).Metadata.OwnerReferences);
        Assert.Equal(("v1", "Secret", token.Metadata.Name, token.Metadata.Uid), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid));
        Assert.True(owner.Controller == true && owner.BlockOwnerDeletion == true);
        var rule = Assert.Single((await Get<V1Role>(fixture, "kubeadm:kubeadm-certs")).Rules);
        Assert.Equal(["get", "", "secrets", "kubeadm-certs"], [.. rule.Verbs, .. rule.ApiGroups, .. rule.Resources, .. rule.ResourceNames]);
        var subject = Assert.Single((await Get<V1RoleBinding>(fixture, "kubeadm:kubeadm-certs")).Subjects);
        Assert.Equal(("Group", "system:bootstrappers:kubeadm:default-node-token"), (subject.Kind, subject.Name));
    }

    [Fact]
    public async Task Should_UseTheGivenKeyAndNotPrintIt_When_KeyIsGivenAndPrintIsSkipped()
    {
        var fixture = WithPki(new ClusterPhasesFixture
        {
            Config = CertsFixture.NewConfig(c => c.Init.CertificateKey = GivenKey),
            Options = new InitOptions { UploadCerts = true, SkipCertificateKeyPrint = true },
        });

        var output = await fixture.RunAsync(UploadCertsPhase.RunAsync);

        Assert.DoesNotContain(GivenKey, output);
        Assert.DoesNotContain("Using certificate key", output);
        Assert.Equal(GivenKey, fixture.LastContext!.UploadedCertificateKey);
        var secret = await Get<V1Secret>(fixture, "kubeadm-certs");
        Assert.Equal(fixture.FileSystem.ReadAllBytes(CertsFixture.PathOf("ca.key")), CertificateKeyCipher.Decrypt(secret.Data["ca.key"], Convert.FromHexString(GivenKey)));
    }

    [Fact]
    public async Task Should_StoreEmptyValues_When_FilesAreMissing()
    {
        var fixture = new ClusterPhasesFixture();
        fixture.FileSystem.WriteFile(CertsFixture.PathOf("ca.crt"), "cert"u8, FileModes.Public);

        await fixture.RunAsync(UploadCertsPhase.RunAsync);

        var secret = await Get<V1Secret>(fixture, "kubeadm-certs");
        Assert.Equal(LocalEtcdKeys, secret.Data.Keys.Order(StringComparer.Ordinal));
        Assert.NotEmpty(secret.Data["ca.crt"]);
        Assert.All(secret.Data.Where(e => e.Key != "ca.crt"), e => Assert.Empty(e.Value ?? []));
    }

    [Fact]
    public async Task Should_CarryTheExternalEtcdFiles_When_EtcdIsExternal()
    {
        var fixture = WithPki(new ClusterPhasesFixture
        {
            Config = CertsFixture.NewConfig(c => c.Cluster.Etcd = new global::Kubeadm.Core.Configuration.Etcd
            {
                External = new ExternalEtcd { Endpoints = ["https://10.0.0.5:2379"], CaFile = "/etc/etcd/ca.crt", CertFile = "/etc/etcd/client.crt", KeyFile = "/etc/etcd/client.key" },
            }),
        });
        fixture.FileSystem.WriteFile("/etc/etcd/ca.crt", "external ca"u8, FileModes.Public);

        var output = await fixture.RunAsync(UploadCertsPhase.RunAsync);

        var key = Convert.FromHexString(output.Split('\n')[2]);
        var secret = await Get<V1Secret>(fixture, "kubeadm-certs");
        Assert.DoesNotContain("etcd-ca.crt", secret.Data.Keys);
        Assert.Equal("external ca"u8.ToArray(), CertificateKeyCipher.Decrypt(secret.Data["external-etcd-ca.crt"], key));
        Assert.Empty(secret.Data["external-etcd.crt"] ?? []);
        Assert.Empty(secret.Data["external-etcd.key"] ?? []);
    }

    [Fact]
    public async Task Should_UpdateTheCertsSecretWithANewOwner_When_RunTwice()
    {
        var fixture = WithPki(new ClusterPhasesFixture());
        await fixture.RunAsync(UploadCertsPhase.RunAsync);
        var firstCount = fixture.Writes().Count;

        await fixture.RunAsync(UploadCertsPhase.RunAsync);

        Assert.Equal(
            ["create secrets", "update secrets kube-system/kubeadm-certs", "update roles kube-system/kubeadm:kubeadm-certs", "update rolebindings kube-system/kubeadm:kubeadm-certs"],
            fixture.Writes().Skip(firstCount).Select(w => w.StartsWith("create secrets", StringComparison.Ordinal) ? "create secrets" : w));
        var tokens = await fixture.Api.ListAsync<V1Secret>("kube-system", "type=bootstrap.kubernetes.io/token", CancellationToken.None);
        Assert.Equal(2, tokens.Count);
        var owner = Assert.Single((await Get<V1Secret>(fixture, "kubeadm-certs")).Metadata.OwnerReferences);
        Assert.Contains(tokens, t => t.Metadata.Uid == owner.Uid);
    }

    [Fact]
    public async Task Should_PrintActionsButNoSecretValues_When_DryRunning()
    {
        var fixture = WithPki(new ClusterPhasesFixture { Config = CertsFixture.NewConfig(c => c.Init.DryRun = true) });

        var output = await fixture.RunAsync(UploadCertsPhase.RunAsync);

        Assert.Contains("[dryrun] Would perform action CREATE on resource \"secrets\" in API group \"core/v1\"", output);
        Assert.Contains("name: kubeadm-certs", output);
        Assert.Contains("[upload-certs] Using certificate key:", output);
        Assert.Empty(fixture.Writes());
        var stored = fixture.DryRunState!;
        var certs = await stored.GetAsync<V1Secret>("kube-system", "kubeadm-certs", CancellationToken.None);
        foreach (var value in certs!.Data.Values)
        {
            Assert.DoesNotContain(Convert.ToBase64String(value), output);
        }

        var token = Assert.Single(await stored.ListAsync<V1Secret>("kube-system", "type=bootstrap.kubernetes.io/token", CancellationToken.None));
        Assert.DoesNotContain(Convert.ToBase64String(token.Data["token-secret"]), output);
        Assert.DoesNotContain(Encoding.UTF8.GetString(token.Data["token-secret"]), output);
    }

    private static ClusterPhasesFixture WithPki(ClusterPhasesFixture fixture)
    {
        fixture.Options = fixture.Options with { UploadCerts = true };
        foreach (var name in new[] { "ca.crt", "ca.key", "front-proxy-ca.crt", "front-proxy-ca.key", "sa.pub", "sa.key", "etcd/ca.crt", "etcd/ca.key" })
        {
            fixture.FileSystem.WriteFile(CertsFixture.PathOf(name), Encoding.UTF8.GetBytes($"-----BEGIN {name}-----\n{Guid.NewGuid()}\n"), FileModes.Private);
        }

        return fixture;
    }

    private static async Task<T> Get<T>(ClusterPhasesFixture fixture, string name)
        where T : class, k8s.IKubernetesObject<V1ObjectMeta> =>
        await fixture.Api.GetAsync<T>("kube-system", name, CancellationToken.None)
        ?? throw new InvalidOperationException($"{typeof(T).Name} {name} was not created");
}
