using System.CommandLine;
using static Kubeadm.Cli.Commands.FlagValues;
using System.CommandLine.Parsing;
using Kubeadm.App.Init;
using Kubeadm.Cli.Parsing;
using Kubeadm.Core.Constants;

namespace Kubeadm.Cli.Commands;

/// <summary>
/// The `kubeadm init` flags, with kubeadm's names and defaults (help in our words), and their binding to <see cref="InitOptions"/>.
/// Phase commands take the subset kubeadm gives each phase (<see cref="ForNames"/>).
/// </summary>
public sealed class InitFlags
{
    public Option<string> Config { get; } = Text("--config", FlagHelp.Config);
    public Option<string> AdvertiseAddress { get; } = Text("--apiserver-advertise-address", "The IP address this node's API server announces to the cluster. When empty, the address of the interface holding the default route is used.");
    public Option<int?> BindPort { get; } = PflagOptions.Int32Flag("--apiserver-bind-port", $"The port the API server listens on. (default {KubeadmConstants.DefaultApiServerBindPort})");
    public Option<string[]> CertExtraSans { get; } = List("--apiserver-cert-extra-sans", "More names for the API server's serving certificate, besides the ones always added: IP addresses or DNS names, comma-separated.");
    public Option<string> CertDir { get; } = Text("--cert-dir", FlagHelp.CertDir);
    public Option<string> CertificateKey { get; } = Text("--certificate-key", $"The key that encrypts the control-plane certificates stored in the kubeadm-certs Secret: {FlagHelp.CertificateKeyFormat}. With --upload-certs and no key, one is generated and printed.");
    public Option<string> ControlPlaneEndpoint { get; } = Text("--control-plane-endpoint", "A fixed address or DNS name (with an optional port) for the API servers of all control-plane nodes, e.g. a load balancer. Needed to add control-plane nodes later.");
    public Option<string> CriSocket { get; } = Text("--cri-socket", FlagHelp.CriSocket);
    public Option<bool> DryRun { get; } = new("--dry-run") { Description = FlagHelp.DryRun };
    public Option<string> FeatureGates { get; } = Text("--feature-gates", "kubeadm feature gates to turn on or off, as comma-separated name=true|false pairs. Known gates: ControlPlaneKubeletLocalMode, NodeLocalCRISocket, WaitForAllControlPlaneComponents, …");
    public Option<string[]> IgnorePreflightErrors { get; } = List("--ignore-preflight-errors", FlagHelp.IgnorePreflightErrors);
    public Option<string> ImageRepository { get; } = Text("--image-repository", FlagHelp.ImageRepository);
    public Option<string> KubernetesVersion { get; } = Text("--kubernetes-version", FlagHelp.KubernetesVersion);
    public Option<string> NodeName { get; } = Text("--node-name", FlagHelp.NodeName);
    public Option<string> Patches { get; } = Text("--patches", FlagHelp.Patches([.. FlagHelp.NodePatchTargets, "corednsdeployment"]));
    public Option<string> PodNetworkCidr { get; } = Text("--pod-network-cidr", "The IP range for Pod addresses. When set, the controller manager gives each node its own slice of it (as most pod network plugins expect).");
    public Option<string> ServiceCidr { get; } = Text("--service-cidr", $"The IP range Service virtual IPs are taken from. (default \"{KubeadmConstants.DefaultServiceSubnet}\")");
    public Option<string> ServiceDnsDomain { get; } = Text("--service-dns-domain", $"The DNS domain of Services, e.g. \"myorg.internal\". (default \"{KubeadmConstants.DefaultDnsDomain}\")");
    public Option<bool> SkipCertificateKeyPrint { get; } = new("--skip-certificate-key-print") { Description = "Do not print the certificate key at the end." };
    public Option<string[]> SkipPhases { get; } = List("--skip-phases", FlagHelp.SkipPhases);
    public Option<bool> SkipTokenPrint { get; } = new("--skip-token-print") { Description = "Do not print the bootstrap token at the end." };
    public Option<string> Token { get; } = Text("--token", "The bootstrap token joining nodes use, in the form [a-z0-9]{6}\\.[a-z0-9]{16}, e.g. abcdef.0123456789abcdef. A random one is made when empty.");
    public Option<string> TokenTtl { get; } = Text("--token-ttl", FlagHelp.TokenTtl);
    public Option<bool> UploadCerts { get; } = new("--upload-certs") { Description = "Store the control-plane certificates, encrypted with the certificate key, in the kubeadm-certs Secret, so that other control-plane nodes can join with --certificate-key." };
    public Option<string> Kubeconfig { get; } = Text("--kubeconfig", FlagHelp.KubeconfigAdmin);
    public Option<string> KubeconfigDir { get; } = Text("--kubeconfig-dir", FlagHelp.KubeconfigDir);

    /// <summary>Our addition (not a kubeadm flag), on `init` and `join` only; a SecurityProfile document does the same for phases.</summary>
    public static Option<string> NewSecurityProfile() => Text("--security-profile",
        "Beyond kubeadm: \"cis\" hardens the control plane and kubelet to pass the CIS Kubernetes Benchmark checks kubeadm's defaults fail (audit log, encryption at rest, profiling off, verified kubelet serving certificates, ...; see the README). Default \"none\": kubeadm's output unchanged.");

    public Option<string> SecurityProfile { get; } = NewSecurityProfile();

    /// <summary>Every flag of `kubeadm init` itself, in kubeadm's help order (alphabetical).</summary>
    public IEnumerable<Option> ForInit() =>
    [
        AdvertiseAddress, BindPort, CertExtraSans, CertDir, CertificateKey, Config, ControlPlaneEndpoint, CriSocket,
        DryRun, FeatureGates, IgnorePreflightErrors, ImageRepository, KubernetesVersion, NodeName, Patches,
        PodNetworkCidr, ServiceCidr, ServiceDnsDomain, SkipCertificateKeyPrint, SkipPhases, SkipTokenPrint, Token,
        TokenTtl, UploadCerts,
    ];

    /// <summary>The flags named (without dashes) that a phase inherits.</summary>
    public IEnumerable<Option> ForNames(IEnumerable<string> names)
    {
        var all = ForInit().Concat([Kubeconfig, KubeconfigDir]).ToDictionary(o => o.Name.TrimStart('-'), StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (all.TryGetValue(name, out var option))
            {
                yield return option;
            }
        }
    }

    /// <summary>Reads the options out of a parse result; flags a command does not have read as "not given".</summary>
    public InitOptions Bind(ParseResult parse, GlobalFlags global)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(global);
        return new InitOptions
        {
            ConfigPath = Get(parse, Config),
            AdvertiseAddress = Get(parse, AdvertiseAddress),
            BindPort = Given(parse, BindPort) ? parse.GetValue(BindPort) : null,
            CertExtraSans = GetList(parse, CertExtraSans),
            CertDir = Get(parse, CertDir),
            CertificateKey = Get(parse, CertificateKey),
            ControlPlaneEndpoint = Get(parse, ControlPlaneEndpoint),
            CriSocket = Get(parse, CriSocket),
            DryRun = Given(parse, DryRun) && parse.GetValue(DryRun),
            FeatureGates = Get(parse, FeatureGates),
            IgnorePreflightErrors = GetList(parse, IgnorePreflightErrors) ?? [],
            ImageRepository = Get(parse, ImageRepository),
            KubernetesVersion = Get(parse, KubernetesVersion),
            NodeName = Get(parse, NodeName),
            PatchesDirectory = Get(parse, Patches),
            PodNetworkCidr = Get(parse, PodNetworkCidr),
            ServiceCidr = Get(parse, ServiceCidr),
            ServiceDnsDomain = Get(parse, ServiceDnsDomain),
            SkipCertificateKeyPrint = Given(parse, SkipCertificateKeyPrint) && parse.GetValue(SkipCertificateKeyPrint),
            SkipPhases = GetList(parse, SkipPhases),
            SkipTokenPrint = Given(parse, SkipTokenPrint) && parse.GetValue(SkipTokenPrint),
            Token = Get(parse, Token),
            TokenTtl = Get(parse, TokenTtl),
            UploadCerts = Given(parse, UploadCerts) && parse.GetValue(UploadCerts),
            KubeconfigPath = Get(parse, Kubeconfig),
            KubeconfigDir = Get(parse, KubeconfigDir),
            SecurityProfile = Get(parse, SecurityProfile),
            Rootfs = parse.GetValue(global.Rootfs) ?? "/",
            Verbosity = parse.GetValue(global.Verbosity),
            ChangedFlags = ChangedFlagNames(parse),
        };
    }

    internal static List<string> ChangedFlagNames(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            names.AddRange(result.Children.OfType<OptionResult>()
                .Where(o => !o.Implicit)
                .Select(o => o.Option.Name.TrimStart('-')));
        }

        return names;
    }
}
