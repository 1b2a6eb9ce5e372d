using Kubeadm.Core.Host;

namespace Kubeadm.Cli.Tests.Certs;

public sealed class CheckExpirationCliTests
{
    private const string Leaf = "Nov 29, 2026 10:43 UTC   364d            ";

    [Fact]
    public async Task Should_PrintKubeadmsTables_When_EveryFileExists()
    {
        var host = new CertsCliHost();
        await host.CreatePkiAsync();
        host.Clock.Now = CertsCliHost.Created.AddDays(1);

        var run = await host.RunAsync("certs", "check-expiration");

        Assert.True(run.ExitCode == 0, run.Error);
        var expected = string.Join('\n',
            "[check-expiration] Reading configuration from the \"kubeadm-config\" ConfigMap in namespace \"kube-system\"...",
            "[check-expiration] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.",
            "[check-expiration] Error reading configuration from the Cluster. Falling back to default configuration",
            "",
            "CERTIFICATE                EXPIRES                  RESIDUAL TIME   CERTIFICATE AUTHORITY   EXTERNALLY MANAGED",
            $"admin.conf                 {Leaf}ca                      no      ",
            $"apiserver                  {Leaf}ca                      no      ",
            $"apiserver-etcd-client      {Leaf}etcd-ca                 no      ",
            $"apiserver-kubelet-client   {Leaf}ca                      no      ",
            $"controller-manager.conf    {Leaf}ca                      no      ",
            $"etcd-healthcheck-client    {Leaf}etcd-ca                 no      ",
            $"etcd-peer                  {Leaf}etcd-ca                 no      ",
            $"etcd-server                {Leaf}etcd-ca                 no      ",
            $"front-proxy-client         {Leaf}front-proxy-ca          no      ",
            $"scheduler.conf             {Leaf}ca                      no      ",
            $"super-admin.conf           {Leaf}ca                      no      ",
            "",
            "CERTIFICATE AUTHORITY   EXPIRES                  RESIDUAL TIME   EXTERNALLY MANAGED",
            "ca                      Nov 27, 2035 10:43 UTC   9y              no      ",
            "etcd-ca                 Nov 27, 2035 10:43 UTC   9y              no      ",
            "front-proxy-ca          Nov 27, 2035 10:43 UTC   9y              no      ",
            "");
        Assert.Equal(expected, run.Output);
    }

    [Fact]
    public async Task Should_FlagMissingFilesAndExpiredOnes_When_TheyAreMissingOrExpired()
    {
        var host = new CertsCliHost();
        await host.CreatePkiAsync();
        host.FileSystem.DeleteFile("/etc/kubernetes/scheduler.conf");
        host.FileSystem.DeleteFile($"{CertsCliHost.Pki}/front-proxy-client.crt");
        host.FileSystem.DeleteFile($"{CertsCliHost.Pki}/front-proxy-ca.crt");
        host.Clock.Now = CertsCliHost.Created.AddDays(400);

        var run = await host.RunAsync("certs", "check-expiration");

        Assert.True(run.ExitCode == 0, run.Error);
        // The missing rows widen the first column (Go's tabwriter counts every cell), and pad their empty cells.
        Assert.Contains("\n!MISSING! front-proxy-client" + new string(' ', 3 + 25 + 16 + 24) + "\n", run.Output);
        Assert.Contains("\n!MISSING! scheduler.conf" + new string(' ', 7 + 25 + 16 + 24) + "\n", run.Output);
        Assert.Contains("\n!MISSING! front-proxy-ca" + new string(' ', 3 + 25 + 16) + "\n", run.Output);
        Assert.True(run.Output.Contains("\napiserver                      Nov 29, 2026 10:43 UTC   <invalid>       ca                      no      \n", StringComparison.Ordinal), run.Output);
    }

    [Fact]
    public async Task Should_ReportExternallyManaged_When_TheCaKeyIsAbsent()
    {
        var host = new CertsCliHost();
        await host.CreatePkiAsync();
        host.FileSystem.DeleteFile($"{CertsCliHost.Pki}/ca.key");

        var run = await host.RunAsync("certs", "check-expiration");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(run.Output.Contains("apiserver                  Nov 29, 2026 10:43 UTC   1y              ca                      yes     \n", StringComparison.Ordinal), run.Output);
        Assert.True(run.Output.Contains("front-proxy-client         Nov 29, 2026 10:43 UTC   1y              front-proxy-ca          no      \n", StringComparison.Ordinal), run.Output);
        Assert.True(run.Output.Contains("ca                      Nov 27, 2035 10:43 UTC   10y             yes     \n", StringComparison.Ordinal), run.Output);
    }

    [Fact]
    public async Task Should_PrintCertificateExpirationInfoJson_When_OutputIsJson()
    {
        var host = new CertsCliHost();
        await host.CreatePkiAsync();
        host.FileSystem.DeleteFile("/etc/kubernetes/super-admin.conf");

        var run = await host.RunAsync("certs", "check-expiration", "-o", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("{\n    \"kind\": \"CertificateExpirationInfo\",\n    \"apiVersion\": \"output.kubeadm.k8s.io/v1alpha3\",\n    \"certificates\": [\n", run.Output);
        Assert.Contains("""
                    "name": "apiserver",
                    "expirationDate": "2026-11-29T10:43:00Z",
                    "residualTime": 31536000,
                    "externallyManaged": false,
                    "caName": "ca",
                    "missing": false
        """.Replace("\r\n", "\n", StringComparison.Ordinal), run.Output);
        Assert.Contains("""
                    "name": "super-admin.conf",
                    "expirationDate": null,
                    "residualTime": 0,
                    "externallyManaged": false,
                    "missing": true
        """.Replace("\r\n", "\n", StringComparison.Ordinal), run.Output);
        Assert.DoesNotContain("Falling back", run.Output);
        Assert.EndsWith("}\n", run.Output);
    }

    [Fact]
    public async Task Should_PrintSortedYaml_When_OutputIsYaml()
    {
        var host = new CertsCliHost();
        await host.CreatePkiAsync();

        var run = await host.RunAsync("certs", "check-expiration", "--output", "yaml");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("apiVersion: output.kubeadm.k8s.io/v1alpha3\ncertificateAuthorities:\n- expirationDate: \"2035-11-27T10:43:00Z\"\n  externallyManaged: false\n  missing: false\n  name: ca\n  residualTime: 315360000\n", run.Output);
        Assert.True(run.Output.Contains("certificates:\n- caName: ca\n  expirationDate: \"2026-11-29T10:43:00Z\"\n  externallyManaged: false\n  missing: false\n  name: admin.conf\n  residualTime: 31536000\n", StringComparison.Ordinal), run.Output);
        Assert.EndsWith("kind: CertificateExpirationInfo\n", run.Output);
    }

    [Fact]
    public async Task Should_FailWithKubeadmsMessage_When_TheOutputFormatIsUnknown()
    {
        var run = await new CertsCliHost().RunAsync("certs", "check-expiration", "-o", "wide");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("could not construct output printer: unable to match a printer suitable for the output format \"wide\"", run.Error);
    }

    [Fact]
    public async Task Should_ReadTheCertificatesDirFromTheConfig_When_ConfigIsGiven()
    {
        var host = new CertsCliHost().WithUserFile("/cfg.yaml", """
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ClusterConfiguration
            kubernetesVersion: v1.34.2
            certificatesDir: /elsewhere/pki
            etcd:
              external:
                endpoints: ["https://10.0.0.9:2379"]
            """);
        await host.CreatePkiAsync();
        host.FileSystem.WriteFile("/elsewhere/pki/ca.crt", host.Read($"{CertsCliHost.Pki}/ca.crt"), FileModes.Public);
        host.FileSystem.WriteFile("/elsewhere/pki/ca.key", host.Read($"{CertsCliHost.Pki}/ca.key"), FileModes.Private);

        var run = await host.RunAsync("certs", "check-expiration", "--config", "/cfg.yaml");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("Falling back", run.Output);
        Assert.DoesNotContain("etcd", run.Output);
        Assert.True(run.Output.Contains("!MISSING! apiserver ", StringComparison.Ordinal), run.Output);
        Assert.True(run.Output.Contains("\nca                         Nov 27, 2035 10:43 UTC   10y             no      \n", StringComparison.Ordinal), run.Output);
    }
}
