using System.Diagnostics;
using System.Security.Cryptography;
using Kubeadm.Cli.Tests.ControlPlaneHost;

namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>
/// Builds TestImageShim/main.go (the test images' entrypoint shim) with Debian's Go into a static binary, cached
/// under $KUBEADM_K8S_CACHE/test-image-shim/&lt;source hash&gt;/ next to the Kubernetes test binaries (the Go
/// toolchain is the one scripts/k8s-test-binaries.sh installs). A cold build on a busy 2-core machine takes minutes;
/// cached, nothing.
/// </summary>
internal static class TestImageShimBinary
{
    public const string Go = "/usr/bin/go";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>main.go as copied next to the test assembly (see the test project file).</summary>
    public static string Source => Path.Combine(AppContext.BaseDirectory, "RealNode", "TestImageShim", "main.go");

    public static async Task<string> BuildAsync(TimeSpan timeout)
    {
        await Gate.WaitAsync();
        try
        {
            var source = await File.ReadAllBytesAsync(Source);
            var hash = Convert.ToHexStringLower(SHA256.HashData(source))[..16];
            var cache = Path.Combine(K8sTestBinaries.CacheRoot, "test-image-shim");
            var binary = Path.Combine(cache, hash, "test-image-shim");
            if (File.Exists(binary))
            {
                return binary;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
            var partial = binary + ".partial";
            var start = new ProcessStartInfo(Go) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])["build", "-trimpath", "-ldflags=-s -w", "-o", partial, Source])
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["CGO_ENABLED"] = "0";
            start.Environment["GO111MODULE"] = "off";
            start.Environment["GOCACHE"] = Path.Combine(cache, "gocache");
            start.Environment["GOPATH"] = Path.Combine(cache, "gopath");
            start.Environment["GOFLAGS"] = string.Empty;
            using var go = Process.Start(start) ?? throw new InvalidOperationException("go did not start");
            var output = go.StandardOutput.ReadToEndAsync();
            var error = go.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(timeout);
            try
            {
                await go.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                go.Kill(entireProcessTree: true);
                throw new TimeoutException($"building the test image shim did not finish within {timeout}");
            }

            if (go.ExitCode != 0)
            {
                throw new InvalidOperationException($"go build of {Source} exited {go.ExitCode}:\n{await output}{await error}");
            }

            File.Move(partial, binary, overwrite: true);
            return binary;
        }
        finally
        {
            Gate.Release();
        }
    }
}
