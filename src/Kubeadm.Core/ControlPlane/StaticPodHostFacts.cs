using Kubeadm.Core.Configuration;
using Kubeadm.Core.Host;

namespace Kubeadm.Core.ControlPlane;

/// <summary>
/// What the control-plane manifests take from the host rather than the configuration: the proxy variables of the
/// kubeadm process, which CA-trust directories exist, and whether the cluster CA's key is absent (external CA mode).
/// </summary>
public sealed record StaticPodHostFacts(IReadOnlyList<EnvVar> ProxyEnvironment, Func<string, bool> HostPathExists, bool UsingExternalCa)
{
    /// <summary>No proxy variables, no optional host directories, the CA key present.</summary>
    public static StaticPodHostFacts None { get; } = new([], _ => false, UsingExternalCa: false);

    /// <summary>The facts of a host: its proxy variables, its paths, and external CA mode (ca.crt without ca.key).</summary>
    public static StaticPodHostFacts Read(IFileSystem fileSystem, string certificatesDir, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var usingExternalCa = fileSystem.FileExists($"{certificatesDir}/ca.crt") && !fileSystem.FileExists($"{certificatesDir}/ca.key");
        return new StaticPodHostFacts(
            ControlPlane.ProxyEnvironment.Read(getEnvironmentVariable),
            path => fileSystem.DirectoryExists(path) || fileSystem.FileExists(path),
            usingExternalCa);
    }
}
