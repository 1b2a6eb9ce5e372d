using System.CommandLine;
using Kubeadm.App.Join;
using Kubeadm.Core.Constants;
using static Kubeadm.Cli.Commands.FlagValues;

namespace Kubeadm.Cli.Commands;

/// <summary>The `kubeadm join` flags of 1.34, with kubeadm's names and defaults (help in our words), and their binding to <see cref="JoinOptions"/>.</summary>
public sealed class JoinFlags
{
    public Option<string> AdvertiseAddress { get; } = Text("--apiserver-advertise-address", "With --control-plane: the IP address this node's API server announces. When empty, the address of the interface holding the default route is used.");
    public Option<int?> BindPort { get; } = new("--apiserver-bind-port") { HelpName = "int32", Description = $"With --control-plane: the port this node's API server listens on. (default {KubeadmConstants.DefaultApiServerBindPort})" };
    public Option<string> CertificateKey { get; } = Text("--certificate-key", $"With --control-plane: the key, printed by \"kubeadm init --upload-certs\", that decrypts the shared certificates in the kubeadm-certs Secret; {FlagHelp.CertificateKeyFormat}.");
    public Option<string> Config { get; } = Text("--config", FlagHelp.Config);
    public Option<bool> ControlPlane { get; } = new("--control-plane") { Description = "Make this node a control-plane node too (API server, controller manager, scheduler and, with stacked etcd, an etcd member)." };
    public Option<string> CriSocket { get; } = Text("--cri-socket", FlagHelp.CriSocket);
    public Option<string> DiscoveryFile { get; } = Text("--discovery-file", "File discovery: a kubeconfig file, or an https URL to one, naming the API server and its CA.");
    public Option<string> DiscoveryToken { get; } = Text("--discovery-token", "Token discovery: the bootstrap token that must have signed the cluster-info read from the API server.");
    public Option<string[]> DiscoveryTokenCaCertHash { get; } = List("--discovery-token-ca-cert-hash", "Token discovery: the expected hash of the cluster CA's public key, as \"sha256:<hex>\"; repeat to accept several.");
    public Option<bool> DiscoveryTokenUnsafeSkipCaVerification { get; } = new("--discovery-token-unsafe-skip-ca-verification") { Description = "Token discovery: trust the cluster CA without a --discovery-token-ca-cert-hash to check it against." };
    public Option<bool> DryRun { get; } = new("--dry-run") { Description = FlagHelp.DryRun };
    public Option<string[]> IgnorePreflightErrors { get; } = List("--ignore-preflight-errors", FlagHelp.IgnorePreflightErrors);
    public Option<string> NodeName { get; } = Text("--node-name", FlagHelp.NodeName);
    public Option<string> Patches { get; } = Text("--patches", FlagHelp.Patches(FlagHelp.NodePatchTargets));
    public Option<string[]> SkipPhases { get; } = List("--skip-phases", FlagHelp.SkipPhases);
    public Option<string> TlsBootstrapToken { get; } = Text("--tls-bootstrap-token", "The bootstrap token the kubelet authenticates with to ask the cluster for its client certificate.");
    public Option<string> SecurityProfile { get; } = InitFlags.NewSecurityProfile();
    public Option<string> Token { get; } = Text("--token", "The token for both discovery and TLS bootstrap, where --discovery-token or --tls-bootstrap-token is not given.");

    /// <summary>Every flag of `kubeadm join` itself, in kubeadm's help order (alphabetical).</summary>
    public IEnumerable<Option> ForJoin() =>
    [
        AdvertiseAddress, BindPort, CertificateKey, Config, ControlPlane, CriSocket, DiscoveryFile, DiscoveryToken,
        DiscoveryTokenCaCertHash, DiscoveryTokenUnsafeSkipCaVerification, DryRun, IgnorePreflightErrors, NodeName, Patches,
        SkipPhases, TlsBootstrapToken, Token,
    ];

    /// <summary>The flags named (without dashes) that a phase inherits.</summary>
    public IEnumerable<Option> ForNames(IEnumerable<string> names)
    {
        var all = ForJoin().ToDictionary(o => o.Name.TrimStart('-'), StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (all.TryGetValue(name, out var option))
            {
                yield return option;
            }
        }
    }

    public JoinOptions Bind(ParseResult parse, GlobalFlags global, Argument<string[]>? endpoint)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(global);
        var positional = endpoint is null ? [] : parse.GetValue(endpoint) ?? [];
        if (positional.Length > 1)
        {
            throw new Kubeadm.Core.Errors.KubeadmUserException(
                $"accepts at most 1 arg(s), received {positional.Length}: kubeadm join takes one [api-server-endpoint] (host:port)");
        }

        return new JoinOptions
        {
            Endpoint = positional.FirstOrDefault(),
            ConfigPath = Get(parse, Config),
            AdvertiseAddress = Get(parse, AdvertiseAddress),
            BindPort = Given(parse, BindPort) ? parse.GetValue(BindPort) : null,
            CertificateKey = Get(parse, CertificateKey),
            ControlPlane = Given(parse, ControlPlane) && parse.GetValue(ControlPlane),
            CriSocket = Get(parse, CriSocket),
            DiscoveryFile = Get(parse, DiscoveryFile),
            DiscoveryToken = Get(parse, DiscoveryToken),
            CaCertHashes = GetList(parse, DiscoveryTokenCaCertHash) ?? [],
            UnsafeSkipCaVerification = Given(parse, DiscoveryTokenUnsafeSkipCaVerification) && parse.GetValue(DiscoveryTokenUnsafeSkipCaVerification),
            DryRun = Given(parse, DryRun) && parse.GetValue(DryRun),
            IgnorePreflightErrors = GetList(parse, IgnorePreflightErrors) ?? [],
            NodeName = Get(parse, NodeName),
            PatchesDirectory = Get(parse, Patches),
            SkipPhases = GetList(parse, SkipPhases),
            TlsBootstrapToken = Get(parse, TlsBootstrapToken),
            Token = Get(parse, Token),
            Rootfs = parse.GetValue(global.Rootfs) ?? "/",
            Verbosity = parse.GetValue(global.Verbosity),
            SecurityProfile = Get(parse, SecurityProfile),
            ChangedFlags = InitFlags.ChangedFlagNames(parse),
        };
    }
}
