using Kubeadm.App.Host;
using Kubeadm.App.Init;
using Kubeadm.Core.Host;

namespace Kubeadm.Cli.Tests.Runtime;

/// <summary>Runs the kubeadm command tree in-process on the real host (real files under --rootfs, the real CRI client, real mounts).</summary>
internal static class RealHostCli
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var environment = new InitEnvironment
        {
            Out = stdout,
            Err = stderr,
            FileSystemFor = rootfs => new PhysicalFileSystem(rootfs),
            HostInfoFor = _ => new FixedHostInfo("node-1", System.Net.IPAddress.Loopback),
            ServiceManager = () => new RecordingServiceManager(),
            GetEnvironmentVariable = _ => null,
            ReadLine = () => null,
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var exitCode = await KubeadmCli.RunAsync(args, environment, timeout.Token);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
