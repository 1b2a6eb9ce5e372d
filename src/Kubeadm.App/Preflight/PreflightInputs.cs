using Kubeadm.Core.Configuration;
using Kubeadm.Core.Host;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.Runtime;

namespace Kubeadm.App.Preflight;

/// <summary>What the init checks read: the final configuration, host files (under --rootfs), host probes and the environment.</summary>
public sealed record PreflightInputs(
    KubeadmConfig Config, IFileSystem FileSystem, IPreflightHost Host, Func<string, string?> GetEnvironmentVariable, TextWriter Out)
{
    /// <summary>The wait between attempts to reach an external etcd (kubeadm: 5 s, 3 retries).</summary>
    public TimeSpan EtcdRetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Opens a client for the node's container runtime (nodeRegistration.criSocket).</summary>
    public required Func<IContainerRuntime> ContainerRuntime { get; init; }

    /// <summary>A file's text, or null when it does not exist or cannot be read.</summary>
    public string? ReadText(string path) => ReadBytes(path) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;

    /// <summary>A file's bytes, or null when it does not exist or cannot be read.</summary>
    public byte[]? ReadBytes(string path)
    {
        try
        {
            return FileSystem.FileExists(path) ? FileSystem.ReadAllBytes(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
