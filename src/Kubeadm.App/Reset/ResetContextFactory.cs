using System.Text;
using Kubeadm.App.EtcdApi;
using Kubeadm.App.Init;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Reset;

/// <summary>
/// Settles what `kubeadm reset` works with, as kubeadm does before its phases: the ResetConfiguration (--config),
/// the flags over it, the cluster's ClusterConfiguration when it can be read, and the real or dry-run ports.
/// </summary>
public sealed class ResetContextFactory
{
    private readonly InitEnvironment _environment;
    private readonly Func<bool> _isPrivilegedUser;

    /// <param name="environment">The host.</param>
    /// <param name="isPrivilegedUser">The root check; defaults to the process's real privileges.</param>
    public ResetContextFactory(InitEnvironment environment, Func<bool>? isPrivilegedUser = null)
    {
        _environment = environment;
        _isPrivilegedUser = isPrivilegedUser ?? (() => Environment.IsPrivilegedProcess);
    }

    public async Task<ResetContext> CreateAsync(ResetOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        MixedArgumentsRule.Check(options.ChangedFlags);
        var config = LoadConfiguration(options.ConfigPath);
        var ignored = IgnorePreflightErrorsValidator.Normalize(options.IgnorePreflightErrors, config.IgnorePreflightErrors);
        var hostFileSystem = _environment.FileSystemFor(options.Rootfs);

        var kubeconfigPath = options.KubeconfigPath is { Length: > 0 } given ? CommandLinePath.Absolute(given) : KubeadmConstants.AdminKubeConfigFile;
        var reader = new ClusterConfigurationReader(_environment.ClusterClientFor, _environment.Clock, _environment.Out, _environment.Err, options.Verbosity);
        var cluster = await reader.ReadAsync(hostFileSystem, kubeconfigPath, cancellationToken).ConfigureAwait(false);

        var criSocket = options.CriSocket is { Length: > 0 } socket ? socket
            : config.CriSocket.Length > 0 ? config.CriSocket
            : Runtime.CriSocketDetector.Detect(hostFileSystem);
        var certificatesDir = options.CertDir is { Length: > 0 } certDir ? certDir
            : config.CertificatesDir.Length > 0 ? config.CertificatesDir
            : cluster?.CertificatesDir is { Length: > 0 } fromCluster ? fromCluster
            : KubeadmConstants.DefaultCertificatesDir;

        var dryRun = options.DryRun ?? config.DryRun ?? false;
        var connectEtcd = _environment.EtcdClientFor ?? EtcdClientRequest.Connect;
        var absoluteCertificatesDir = CommandLinePath.Absolute(certificatesDir);
        return new ResetContext
        {
            // Belt and braces: in --dry-run the phases only print, and even a stray delete would stay in memory.
            FileSystem = dryRun ? new DryRunFileSystem(hostFileSystem, TextWriter.Null) : hostFileSystem,
            ServiceManager = dryRun ? new RecordingServiceManager() : _environment.ServiceManager(),
            Mounts = _environment.MountTableFor(hostFileSystem),
            ContainerRuntime = () => _environment.ContainerRuntimeFor(hostFileSystem, criSocket),
            Out = _environment.Out,
            Err = _environment.Err,
            ReadLine = _environment.ReadLine,
            IsPrivilegedUser = _isPrivilegedUser,
            DryRun = dryRun,
            Force = options.Force ?? config.Force ?? false,
            CleanupTmpDir = options.CleanupTmpDir ?? config.CleanupTmpDir ?? false,
            CertificatesDir = absoluteCertificatesDir,
            CriSocket = criSocket,
            IgnorePreflightErrors = ignored,
            UnmountFlags = config.UnmountFlags,
            SkipPhases = options.SkipPhases ?? config.SkipPhases,
            ClusterConfiguration = cluster,
            Verbosity = options.Verbosity,
            EtcdApiCallTimeout = config.EtcdApiCallTimeout ?? KubeadmConstants.EtcdApiCallTimeout,
            EtcdClientFor = (endpoints, timeout) => connectEtcd(
                new EtcdClientRequest(hostFileSystem, endpoints, absoluteCertificatesDir, timeout, line => _environment.Err.WriteLine(line))),
        };
    }

    private ResetConfiguration LoadConfiguration(string? path)
    {
        if (path is null)
        {
            return new ResetConfiguration();
        }

        string text;
        try
        {
            text = new UTF8Encoding(false).GetString(_environment.ReadUserFile(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeadmUserException($"unable to read config from \"{path}\": {e.Message}", e);
        }

        return KubeadmConfigDecoder.DecodeReset(text, path);
    }
}
