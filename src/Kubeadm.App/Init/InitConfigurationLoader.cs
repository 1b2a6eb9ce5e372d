using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Security;

namespace Kubeadm.App.Init;

/// <summary>
/// Turns the command line (and the --config file, if any) into one defaulted, validated configuration,
/// the way kubeadm's init data initializer does: decode, apply flags, static defaults, host-derived defaults, validate.
/// </summary>
public sealed class InitConfigurationLoader
{
    private readonly IFileSystem _fileSystem;
    private readonly IHostInfo _host;
    private readonly IRandomSource _random;
    private readonly Action<string> _warn;
    private readonly Func<string, byte[]> _readUserFile;

    public InitConfigurationLoader(
        IFileSystem fileSystem, IHostInfo host, IRandomSource random, Action<string> warn, Func<string, byte[]> readUserFile)
    {
        _fileSystem = fileSystem;
        _host = host;
        _random = random;
        _warn = warn;
        _readUserFile = readUserFile;
    }

    /// <summary>Loads the configuration; every user error is a <see cref="KubeadmUserException"/>.</summary>
    public LoadedInitConfiguration Load(InitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MixedArgumentsRule.Check(options.ChangedFlags);

        var config = options.ConfigPath is { } path ? UserConfigFile.Decode(_readUserFile, path, _warn) : new KubeadmConfig();
        InitFlagsApplier.Apply(config, options);
        ConfigDefaults.Apply(config);
        new DynamicDefaults(_fileSystem, _host, _random, _warn).Apply(config);
        ApplySecurityProfile(config, options.SecurityProfile);

        var ignored = IgnorePreflightErrorsValidator.Normalize(
            options.IgnorePreflightErrors, config.Init.NodeRegistration.IgnorePreflightErrors);
        config.Init.NodeRegistration.IgnorePreflightErrors = [.. ignored];
        SkippedAddons.Sync(config);

        var result = ConfigValidator.ValidateWithWarnings(config);
        foreach (var warning in result.Warnings)
        {
            _warn(warning);
        }

        if (result.Errors.Count > 0)
        {
            throw new ValidationException([.. result.Errors.Select(e => e.ToString())]);
        }

        return new LoadedInitConfiguration(config, options);
    }

    /// <summary>--security-profile wins over a SecurityProfile document; the profile then adds its settings.</summary>
    private void ApplySecurityProfile(KubeadmConfig config, string? flag)
    {
        if (flag is not null)
        {
            config.SecurityProfile = SecurityProfiles.Parse(flag, "flag --security-profile");
        }

        if (config.SecurityProfile == SecurityProfile.Cis)
        {
            CisClusterSettings.Apply(config.Cluster, _warn);
        }
    }
}
