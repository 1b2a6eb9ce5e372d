using System.Security.Cryptography.X509Certificates;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.Pki;

namespace Kubeadm.Cli.Tests.Certs;

public sealed class RenewCliTests
{
    private static readonly DateTimeOffset RenewedAt = CertsCliHost.Created.AddDays(300);

    [Fact]
    public async Task Should_RenewEveryCertificateAndPrintKubeadmsLines_When_RenewAllRuns()
    {
        var host = new CertsCliHost();
        await host.CreatePkiAsync();
        host.Clock.Now = RenewedAt;

        var run = await host.RunAsync("certs", "renew", "all");

        Assert.True(run.ExitCode == 0, run.Error);
        var expected = string.Join('\n',
            "[renew] Reading configuration from the \"kubeadm-config\" ConfigMap in namespace \"kube-system\"...",
            "[renew] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.",
            "[renew] Error reading configuration from the Cluster. Falling back to default configuration",
            "",
            "certificate embedded in the kubeconfig file for the admin to use and for kubeadm itself renewed",
            "certificate for serving the Kubernetes API renewed",
            "certificate the apiserver uses to access etcd renewed",
            "certificate for the API server to connect to kubelet renewed",
            "certificate embedded in the kubeconfig file for the controller manager to use renewed",
            "certificate for liveness probes to healthcheck etcd renewed",
            "certificate for etcd nodes to communicate with each other renewed",
            "certificate for serving etcd renewed",
            "certificate for the front proxy client renewed",
            "certificate embedded in the kubeconfig file for the scheduler manager to use renewed",
            "certificate embedded in the kubeconfig file for the super-admin renewed",
            "",
            "Done renewing certificates. You must restart the kube-apiserver, kube-controller-manager, kube-scheduler and etcd, so that they can use the new certificates.",
            "");
        Assert.Equal(expected, run.Output);
    }

    [Fact]
    public async Task Should_KeepSubjectAndSansAndExtendValidity_When_ACertificateIsRenewed()
    {
        var host = new CertsCliHost();
        await host.CreatePkiAsync();
        using var before = host.Certificate("apiserver");
        var caBefore = host.Read($"{CertsCliHost.Pki}/ca.crt");
        host.Clock.Now = RenewedAt;

        var run = await host.RunAsync("certs", "renew", "apiserver");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.EndsWith("certificate for serving the Kubernetes API renewed\n", run.Output);
        Assert.DoesNotContain("Done renewing", run.Output);
        using var after = host.Certificate("apiserver");
        using var ca = host.Certificate("ca");
        Assert.Equal(before.Subject, after.Subject);
        Assert.Equal(CertificateChecks.SansOf(before).DnsNames, CertificateChecks.SansOf(after).DnsNames);
        Assert.Equal(CertificateChecks.SansOf(before).IpAddresses, CertificateChecks.SansOf(after).IpAddresses);
        Assert.Equal(before.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages[0].Value,
            after.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages[0].Value);
        Assert.NotEqual(before.SerialNumber, after.SerialNumber);
        Assert.Equal(RenewedAt.AddMinutes(-5).UtcDateTime, after.NotBefore.ToUniversalTime());
        Assert.Equal(RenewedAt.AddDays(365).UtcDateTime, after.NotAfter.ToUniversalTime());
        Assert.True(CertificateChecks.IsSignedBy(after, [], ca));
        Assert.Equal(caBefore, host.Read($"{CertsCliHost.Pki}/ca.crt"));
    }

    [Fact]
    public async Task Should_KeepTheExistingKey_When_ACertificateIsRenewed()
    {
        // Deliberately unlike kubeadm (which makes a new key): renewal changes only the validity.
        var host = new CertsCliHost();
        await host.CreatePkiAsync();
        var keyBefore = host.Read($"{CertsCliHost.Pki}/etcd/server.key");
        host.Clock.Now = RenewedAt;

        var run = await host.RunAsync("certs", "renew", "etcd-server");

        Assert.True(run.ExitCode == 0, run.Error);
        var keyAfter = host.Read($"{CertsCliHost.Pki}/etcd/server.key");
        Assert.Equal(keyBefore, keyAfter);
        using var key = PemCodec.DecodePrivateKey(keyAfter, "server.key");
        using var certificate = host.Certificate("etcd/server");
        Assert.True(CertificateChecks.KeyMatches(certificate, key));
        Assert.Equal(Kubeadm.Core.Host.FileModes.Private, host.FileSystem.GetMode($"{CertsCliHost.Pki}/etcd/server.key"));
    }

    [Fact]
    public async Task Should_ReplaceOnlyTheClientCredentials_When_AKubeconfigIsRenewed()
    {
        var host = new CertsCliHost();
        await host.CreatePkiAsync();
        const string Path = "/etc/kubernetes/admin.conf";
        var before = KubeconfigYamlReader.Read(System.Text.Encoding.UTF8.GetString(host.Read(Path)), Path);
        host.Clock.Now = RenewedAt;

        var run = await host.RunAsync("certs", "renew", "admin.conf");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.EndsWith("certificate embedded in the kubeconfig file for the admin to use and for kubeadm itself renewed\n", run.Output);
        var after = KubeconfigYamlReader.Read(System.Text.Encoding.UTF8.GetString(host.Read(Path)), Path);
        Assert.Equal(before.CurrentContext, after.CurrentContext);
        Assert.Equal(before.Clusters.Single().ClusterEndpoint.Server, after.Clusters.Single().ClusterEndpoint.Server);
        Assert.Equal(before.Clusters.Single().ClusterEndpoint.CertificateAuthorityData, after.Clusters.Single().ClusterEndpoint.CertificateAuthorityData);
        Assert.Equal(before.Users.Single().Name, after.Users.Single().Name);
        var oldCredentials = before.Users.Single().UserCredentials;
        var newCredentials = after.Users.Single().UserCredentials;
        Assert.NotEqual(oldCredentials.ClientCertificateData, newCredentials.ClientCertificateData);
        using var oldCertificate = PemCodec.DecodeCertificates(Convert.FromBase64String(oldCredentials.ClientCertificateData), "old")[0];
        using var newCertificate = PemCodec.DecodeCertificates(Convert.FromBase64String(newCredentials.ClientCertificateData), "new")[0];
        using var newKey = PemCodec.DecodePrivateKey(Convert.FromBase64String(newCredentials.ClientKeyData), "new");
        Assert.Equal(oldCertificate.Subject, newCertificate.Subject);
        Assert.Equal(RenewedAt.AddDays(365).UtcDateTime, newCertificate.NotAfter.ToUniversalTime());
        Assert.True(CertificateChecks.KeyMatches(newCertificate, newKey));
        Assert.Equal(oldCredentials.ClientKeyData, newCredentials.ClientKeyData);
        Assert.Equal(Kubeadm.Core.Host.FileModes.Private, host.FileSystem.GetMode(Path));
    }

    [Fact]
    public async Task Should_SayTheCertificateCannotBeRenewed_When_ItsCaIsExternal()
    {
        var host = new CertsCliHost();
        await host.CreatePkiAsync();
        host.FileSystem.DeleteFile($"{CertsCliHost.Pki}/ca.key");
        var before = host.Read($"{CertsCliHost.Pki}/apiserver.crt");

        var run = await host.RunAsync("certs", "renew", "apiserver");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.EndsWith("Detected external ca, certificate for serving the Kubernetes API can't be renewed\n", run.Output);
        Assert.Equal(before, host.Read($"{CertsCliHost.Pki}/apiserver.crt"));
    }

    [Fact]
    public async Task Should_PrintMissing_When_TheFileDoesNotExist()
    {
        var host = new CertsCliHost();
        await host.CreatePkiAsync();
        host.FileSystem.DeleteFile("/etc/kubernetes/scheduler.conf");

        var run = await host.RunAsync("certs", "renew", "scheduler.conf");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.EndsWith("MISSING! certificate embedded in the kubeconfig file for the scheduler manager to use\n", run.Output);
    }

    [Fact]
    public async Task Should_UseTheConfiguredValidityPeriod_When_ConfigSetsIt()
    {
        var host = new CertsCliHost().WithUserFile("/cfg.yaml", """
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ClusterConfiguration
            kubernetesVersion: v1.34.2
            certificateValidityPeriod: 720h
            """);
        await host.CreatePkiAsync();
        host.Clock.Now = RenewedAt;

        var run = await host.RunAsync("certs", "renew", "front-proxy-client", "--config", "/cfg.yaml");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("certificate for the front proxy client renewed\n", run.Output);
        using var after = host.Certificate("front-proxy-client");
        Assert.Equal(RenewedAt.AddHours(720).UtcDateTime, after.NotAfter.ToUniversalTime());
    }

    [Fact]
    public async Task Should_FailNamingTheCa_When_TheCaKeyDoesNotMatch()
    {
        var host = new CertsCliHost();
        await host.CreatePkiAsync();
        host.FileSystem.WriteFile($"{CertsCliHost.Pki}/front-proxy-ca.key", host.Read($"{CertsCliHost.Pki}/ca.key"), Kubeadm.Core.Host.FileModes.Private);

        var run = await host.RunAsync("certs", "renew", "front-proxy-client");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("failure loading front-proxy-ca certificate authority: ", run.Error);
    }
}
