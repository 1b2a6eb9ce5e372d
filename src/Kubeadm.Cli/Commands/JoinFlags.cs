using System.CommandLine;
using Kubeadm.App.Join;
using Kubeadm.Core.Constants;
using static Kubeadm.Cli.Commands.FlagValues;

namespace Kubeadm.Cli.Commands;

/// <summary>The `kubeadm join` flags of 1.34, with kubeadm's names and help, and their binding to <see cref="JoinOptions"/>.</summary>
public sealed class JoinFlags
{
    public Option<string> AdvertiseAddress { get; } = Text("--apiserver-advertise-address", "If the node should host a new control plane instance, the IP address the API Server will advertise it's listening on. If not set the default network interface will be used.");
    public Option<int?> BindPort { get; } = new("--apiserver-bind-port") { HelpName = "int32", Description = $"If the node should host a new control plane instance, the port for the API Server to bind to. (default {KubeadmConstants.DefaultApiServerBindPort})" };
    public Option<string> CertificateKey { get; } = Text("--certificate-key", "Use this key to decrypt the certificate secrets uploaded by init. The certificate key is a hex encoded string that is an AES key of size 32 bytes.");
    public Option<string> Config { get; } = Text("--config", "Path to a kubeadm configuration file.");
    public Option<bool> ControlPlane { get; } = new("--control-plane") { Description = "Create a new control plane instance on this node" };
    public Option<string> CriSocket { get; } = Text("--cri-socket", "Path to the CRI socket to connect. If empty kubeadm will try to auto-detect this value; use this option only if you have more than one CRI installed or if you have non-standard CRI socket.");
    public Option<string> DiscoveryFile { get; } = Text("--discovery-file", "For file-based discovery, a file or URL from which to load cluster information.");
    public Option<string> DiscoveryToken { get; } = Text("--discovery-token", "For token-based discovery, the token used to validate cluster information fetched from the API server.");
    public Option<string[]> DiscoveryTokenCaCertHash { get; } = List("--discovery-token-ca-cert-hash", "For token-based discovery, validate that the root CA public key matches this hash (format: \"<type>:<value>\").");
    public Option<bool> DiscoveryTokenUnsafeSkipCaVerification { get; } = new("--discovery-token-unsafe-skip-ca-verification") { Description = "For token-based discovery, allow joining without --discovery-token-ca-cert-hash pinning." };
    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Don't apply any changes; just output what would be done." };
    public Option<string[]> IgnorePreflightErrors { get; } = List("--ignore-preflight-errors", "A list of checks whose errors will be shown as warnings. Example: 'IsPrivilegedUser,Swap'. Value 'all' ignores errors from all checks.");
    public Option<string> NodeName { get; } = Text("--node-name", "Specify the node name.");
    public Option<string> Patches { get; } = Text("--patches", "Path to a directory that contains files named \"target[suffix][+patchtype].extension\". For example, \"kube-apiserver0+merge.yaml\" or just \"etcd.json\". \"target\" can be one of \"kube-apiserver\", \"kube-controller-manager\", \"kube-scheduler\", \"etcd\", \"kubeletconfiguration\". \"patchtype\" can be one of \"strategic\", \"merge\" or \"json\" and they match the patch formats supported by kubectl. The default \"patchtype\" is \"strategic\". \"extension\" must be either \"json\" or \"yaml\". \"suffix\" is an optional string that can be used to determine which patches are applied first alpha-numerically.");
    public Option<string[]> SkipPhases { get; } = List("--skip-phases", "List of phases to be skipped");
    public Option<string> TlsBootstrapToken { get; } = Text("--tls-bootstrap-token", "Specify the token used to temporarily authenticate with the Kubernetes Control Plane while joining the node.");
    public Option<string> SecurityProfile { get; } = InitFlags.NewSecurityProfile();
    public Option<string> Token { get; } = Text("--token", "Use this token for both discovery-token and tls-bootstrap-token when those values are not provided.");

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
