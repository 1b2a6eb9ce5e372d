using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Tests.Configuration;

public sealed class JoinConfigurationTests
{
    private const string Hash = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void Should_DecodeEveryField_When_V1Beta4()
    {
        var decoded = KubeadmConfigDecoder.DecodeJoin("""
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: JoinConfiguration
            dryRun: true
            caCertPath: /etc/kubernetes/pki/ca.crt
            discovery:
              bootstrapToken:
                apiServerEndpoint: 10.0.0.1:6443
                token: abcdef.0123456789abcdef
                caCertHashes: [sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef]
              tlsBootstrapToken: abcdef.0123456789abcdef
            controlPlane:
              localAPIEndpoint: {advertiseAddress: 10.0.0.2, bindPort: 6444}
              certificateKey: "00"
            nodeRegistration:
              name: node-2
              criSocket: unix:///run/containerd/containerd.sock
              kubeletExtraArgs: [{name: v, value: "4"}]
            skipPhases: [preflight]
            patches: {directory: /tmp/patches}
            timeouts: {discovery: 1m, tlsBootstrap: 2m}
            """, "join.yaml");

        var join = decoded.Join;
        Assert.Equal(KubeadmApiVersions.V1Beta4, decoded.ApiVersion);
        Assert.True(join.DryRun);
        Assert.Equal("10.0.0.1:6443", join.Discovery.BootstrapToken!.ApiServerEndpoint);
        Assert.Equal([Hash], join.Discovery.BootstrapToken.CaCertHashes);
        Assert.Equal("10.0.0.2", join.ControlPlane!.LocalApiEndpoint.AdvertiseAddress);
        Assert.Equal(6444, join.ControlPlane.LocalApiEndpoint.BindPort);
        Assert.Equal("node-2", join.NodeRegistration.Name);
        Assert.Equal(TimeSpan.FromMinutes(1), join.Timeouts.Discovery);
        Assert.Equal("/tmp/patches", join.Patches!.Directory);
        Assert.Equal(["preflight"], join.SkipPhases);
    }

    [Fact]
    public void Should_MoveDiscoveryTimeoutAndSortKubeletArgs_When_V1Beta3()
    {
        var decoded = KubeadmConfigDecoder.DecodeJoin("""
            apiVersion: kubeadm.k8s.io/v1beta3
            kind: JoinConfiguration
            discovery:
              file: {kubeConfigPath: /etc/discovery.conf}
              timeout: 90s
            nodeRegistration:
              kubeletExtraArgs: {v: "4", node-ip: 10.0.0.3}
            """, "join.yaml");

        Assert.Equal(TimeSpan.FromSeconds(90), decoded.Join.Timeouts.Discovery);
        Assert.Equal(["node-ip", "v"], decoded.Join.NodeRegistration.KubeletExtraArgs.Select(a => a.Name));
        Assert.Contains(decoded.Warnings, w => w.Contains("deprecated API spec", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ReportEveryUnknownFieldAtOnce_When_DecodingStrictly()
    {
        var error = Assert.Throws<ValidationException>(() => KubeadmConfigDecoder.DecodeJoin("""
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: JoinConfiguration
            discovery:
              bootstrapToken: {tokn: x}
            controlPlane: {certKey: y}
            """, "join.yaml"));

        Assert.Contains("tokn", error.Message, StringComparison.Ordinal);
        Assert.Contains("certKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_SayNoJoinConfiguration_When_TheFileHasOnlyInitDocuments()
    {
        var error = Assert.Throws<ValidationException>(() => KubeadmConfigDecoder.DecodeJoin(
            "apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\n", "init.yaml"));

        Assert.Contains("no JoinConfiguration found in the supplied config", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_FillKubeadmsDefaults_When_Defaulting()
    {
        var join = new JoinConfiguration
        {
            Discovery = { BootstrapToken = new BootstrapTokenDiscovery { Token = "abcdef.0123456789abcdef" } },
            ControlPlane = new JoinControlPlane(),
        };

        JoinConfigDefaults.Apply(join);

        Assert.Equal("/etc/kubernetes/pki/ca.crt", join.CaCertPath);
        Assert.Equal("abcdef.0123456789abcdef", join.Discovery.TlsBootstrapToken);
        Assert.Equal(6443, join.ControlPlane.LocalApiEndpoint.BindPort);
        Assert.Equal("IfNotPresent", join.NodeRegistration.ImagePullPolicy);
        Assert.True(join.NodeRegistration.ImagePullSerial);
        Assert.Equal(TimeSpan.FromMinutes(5), join.Timeouts.Discovery);
        Assert.Equal(TimeSpan.FromMinutes(5), join.Timeouts.TlsBootstrap);
    }

    [Fact]
    public void Should_ReportEveryProblemAtOnce_When_Validating()
    {
        var join = new JoinConfiguration
        {
            CaCertPath = "relative/ca.crt",
            Discovery =
            {
                BootstrapToken = new BootstrapTokenDiscovery { Token = "bad", ApiServerEndpoint = "10.0.0.1" },
                TlsBootstrapToken = "bad",
            },
            NodeRegistration = { Name = "Bad_Name", CriSocket = "tcp://x" },
            ControlPlane = new JoinControlPlane { LocalApiEndpoint = { AdvertiseAddress = "not-an-ip", BindPort = 6443 }, CertificateKey = "abc" },
        };
        JoinConfigDefaults.Apply(join);

        var errors = JoinConfigValidator.Validate(join).Errors.Select(e => e.ToString()).ToList();

        Assert.Contains(errors, e => e.Contains("missing port in address", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("discovery.bootstrapToken.token", StringComparison.Ordinal) && e.Contains("the bootstrap token is invalid", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("can be unsafe", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("nodeRegistration.name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("only URL scheme \"unix\" is supported", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("ip address is not valid", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("certificate key decoding error", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("the ca certificate path must be an absolute path", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("abc", StringComparison.Ordinal) && e.Contains("certificateKey", StringComparison.Ordinal) && e.Contains("\"abc\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_RequireExactlyOneDiscoveryMethod_When_Validating()
    {
        var neither = new JoinConfiguration { NodeRegistration = { Name = "n", CriSocket = "unix:///run/c.sock" } };
        JoinConfigDefaults.Apply(neither);
        Assert.Contains(JoinConfigValidator.Validate(neither).Errors, e => e.ToString().Contains("bootstrapToken or file must be set", StringComparison.Ordinal));

        var both = new JoinConfiguration
        {
            NodeRegistration = { Name = "n", CriSocket = "unix:///run/c.sock" },
            Discovery =
            {
                BootstrapToken = new BootstrapTokenDiscovery { Token = "abcdef.0123456789abcdef", ApiServerEndpoint = "a:1", CaCertHashes = [Hash] },
                File = new FileDiscovery { KubeConfigPath = "http://example/x" },
            },
        };
        JoinConfigDefaults.Apply(both);
        var errors = JoinConfigValidator.Validate(both).Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.Contains("bootstrapToken and file cannot both be set", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("if a URL is used, the scheme must be https", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_PrintKubeadmsJoinDefaults_When_PrintingJoinDefaults()
    {
        Assert.Equal("""
            apiVersion: kubeadm.k8s.io/v1beta4
            caCertPath: /etc/kubernetes/pki/ca.crt
            discovery:
              bootstrapToken:
                apiServerEndpoint: kube-apiserver:6443
                token: abcdef.0123456789abcdef
                unsafeSkipCAVerification: true
              tlsBootstrapToken: abcdef.0123456789abcdef
            kind: JoinConfiguration
            nodeRegistration:
              criSocket: unix:///var/run/containerd/containerd.sock
              imagePullPolicy: IfNotPresent
              imagePullSerial: true
              name: node
              taints: null
            timeouts:
              controlPlaneComponentHealthCheck: 4m0s
              discovery: 5m0s
              etcdAPICall: 2m0s
              kubeletHealthCheck: 4m0s
              kubernetesAPICall: 1m0s
              tlsBootstrap: 5m0s
              upgradeManifests: 5m0s

            """.Replace("\r", "", StringComparison.Ordinal), JoinDefaultsPrinter.Print());
    }

    [Fact]
    public void Should_DecodeWhatItPrints_When_RoundTrippingTheDefaults()
    {
        var decoded = KubeadmConfigDecoder.DecodeJoin(JoinDefaultsPrinter.Print(), "defaults");

        Assert.True(JoinConfigValidator.Validate(decoded.Join).IsValid);
    }
}
