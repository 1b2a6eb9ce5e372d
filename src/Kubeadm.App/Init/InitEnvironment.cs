using Kubeadm.Core.Host;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.Init;

/// <summary>
/// The host as the commands see it: output streams, the file system for a given --rootfs, host facts, the service
/// manager, clock, randomness and environment variables. The CLI passes the real host; tests pass fakes.
/// </summary>
public sealed record InitEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Err { get; init; }

    /// <summary>The file system rooted at a --rootfs directory.</summary>
    public required Func<string, IFileSystem> FileSystemFor { get; init; }

    public required Func<IFileSystem, IHostInfo> HostInfoFor { get; init; }

    public required Func<IServiceManager> ServiceManager { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public IRandomSource Random { get; init; } = new CryptoRandomSource();

    public IKeyGenerator KeyGenerator { get; init; } = new SystemKeyGenerator();

    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Reads a user-named input file (--config); not rooted at --rootfs, like a path typed in the shell.</summary>
    public Func<string, byte[]> ReadUserFile { get; init; } = File.ReadAllBytes;

    /// <summary>The API client for a kubeconfig file on the host (token commands); null means the real client, with kubeadm's retries.</summary>
    public Func<IFileSystem, string, Kubeadm.Core.ClusterApi.IClusterApi>? ClusterClientFor { get; init; }
}
