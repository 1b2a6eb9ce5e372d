using Kubeadm.App.Init;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Security;

namespace Kubeadm.App.Join;

/// <summary>
/// Turns the `kubeadm join` command line (and the --config file, if any) into one defaulted, validated
/// JoinConfiguration, the way kubeadm's newJoinData does: the mixing rule, --token into both tokens, drop the
/// discovery and control-plane parts the flags did not ask for, defaults, host defaults, then every error at once.
/// </summary>
public sealed class JoinConfigurationLoader
{
    public const string ControlPlaneFlagsWarning =
        "[preflight] WARNING: --control-plane is also required when passing control-plane related flags such as [certificate-key, apiserver-advertise-address, apiserver-bind-port]";

    private static readonly string[] ControlPlaneOnlyFlags = ["certificate-key", "apiserver-advertise-address", "apiserver-bind-port"];

    private readonly DynamicDefaults _hostDefaults;
    private readonly IHostInfo _host;
    private readonly Action<string> _warn;
    private readonly Func<string, byte[]> _readUserFile;

    public JoinConfigurationLoader(IFileSystem fileSystem, IHostInfo host, IRandomSource random, Action<string> warn, Func<string, byte[]> readUserFile)
    {
        _host = host;
        _warn = warn;
        _readUserFile = readUserFile;
        _hostDefaults = new DynamicDefaults(fileSystem, host, random, warn);
    }

    public JoinConfiguration Load(JoinOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MixedArgumentsRule.Check(options.ChangedFlags);
        if (!options.ControlPlane && options.ChangedFlags.Any(ControlPlaneOnlyFlags.Contains))
        {
            _warn(ControlPlaneFlagsWarning);
        }

        var join = options.ConfigPath is { } path ? Decode(path) : FromFlags(options);
        if (options.NodeName is { Length: > 0 } nodeName)
        {
            join.NodeRegistration.Name = nodeName;
        }

        if (options.CriSocket is { Length: > 0 } criSocket)
        {
            join.NodeRegistration.CriSocket = criSocket;
        }

        if (options.DryRun)
        {
            join.DryRun = true;
        }

        if (options.SecurityProfile is not null)
        {
            join.SecurityProfile = SecurityProfiles.Parse(options.SecurityProfile, "flag --security-profile");
        }

        JoinConfigDefaults.Apply(join);
        ApplyHostDefaults(join);
        join.NodeRegistration.IgnorePreflightErrors =
            [.. IgnorePreflightErrorsValidator.Normalize(options.IgnorePreflightErrors, join.NodeRegistration.IgnorePreflightErrors)];

        var result = JoinConfigValidator.Validate(join);
        foreach (var warning in result.Warnings)
        {
            _warn(warning);
        }

        var errors = result.Errors.Select(e => e.ToString()).ToList();
        if (join.Discovery.File is { } file && !file.KubeConfigPath.Contains("://", StringComparison.Ordinal)
            && file.KubeConfigPath.Length > 0 && !File.Exists(file.KubeConfigPath))
        {
            errors.Add(ValidationError.Invalid("discovery.file.kubeConfigPath", file.KubeConfigPath, "not a valid HTTPS URL or a file on disk").ToString());
        }

        if (errors.Count > 0)
        {
            throw new ValidationException([.. errors]);
        }

        return join;
    }

    private JoinConfiguration Decode(string path)
    {
        var decoded = KubeadmConfigDecoder.DecodeJoin(UserConfigFile.ReadText(_readUserFile, path), path);
        foreach (var warning in decoded.Warnings)
        {
            _warn(warning);
        }

        decoded.Join.SecurityProfile = decoded.SecurityProfile;
        return decoded.Join;
    }

    private static JoinConfiguration FromFlags(JoinOptions options)
    {
        var join = new JoinConfiguration();
        var token = options.Token ?? "";
        if (options.Endpoint is { Length: > 0 } endpoint)
        {
            join.Discovery.BootstrapToken = new BootstrapTokenDiscovery
            {
                ApiServerEndpoint = endpoint,
                Token = options.DiscoveryToken is { Length: > 0 } discoveryToken ? discoveryToken : token,
                CaCertHashes = [.. options.CaCertHashes],
                UnsafeSkipCaVerification = options.UnsafeSkipCaVerification,
            };
        }

        if (options.DiscoveryFile is { Length: > 0 } discoveryFile)
        {
            join.Discovery.File = new FileDiscovery { KubeConfigPath = discoveryFile };
        }

        join.Discovery.TlsBootstrapToken = options.TlsBootstrapToken is { Length: > 0 } tls ? tls : token;
        if (options.ControlPlane)
        {
            join.ControlPlane = new JoinControlPlane
            {
                CertificateKey = options.CertificateKey ?? "",
                LocalApiEndpoint = new ApiEndpoint
                {
                    AdvertiseAddress = options.AdvertiseAddress ?? "",
                    BindPort = options.BindPort ?? KubeadmConstants.DefaultApiServerBindPort,
                },
            };
        }

        if (options.PatchesDirectory is { Length: > 0 } patches)
        {
            join.Patches = new Patches { Directory = patches };
        }

        return join;
    }

    private void ApplyHostDefaults(JoinConfiguration join)
    {
        var registration = join.NodeRegistration;
        if (registration.Name.Length == 0)
        {
            registration.Name = _host.GetHostname().Trim().ToLowerInvariant();
        }

        if (registration.CriSocket.Length == 0)
        {
            registration.CriSocket = _hostDefaults.DetectCriSocket();
        }

        if (join.ControlPlane is { } controlPlane)
        {
            registration.Taints ??= [new Taint(KubeadmConstants.ControlPlaneLabel, "", "NoSchedule")];
            _hostDefaults.ApplyAdvertiseAddress(controlPlane.LocalApiEndpoint);
        }
    }
}
