using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kubeadm.Cli.Tests.RealEtcd;

/// <summary>
/// Runs the etcd command line from a kubeadm manifest as a local process: host paths moved under the rootfs, the
/// well-known ports moved to test ports on 127.0.0.1, and flags the packaged etcd 3.4 does not know left out.
/// </summary>
internal sealed partial class EtcdProcess : IDisposable
{
    public const string EtcdBinary = "/usr/bin/etcd";
    public const int ClientPort = 23790;

    private static readonly string[] FlagsUnknownToEtcd34 = ["--feature-gates=", "--watch-progress-notify-interval="];
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private EtcdProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, line) => _log.Enqueue(line.Data ?? "");
        _process.OutputDataReceived += (_, line) => _log.Enqueue(line.Data ?? "");
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    /// <summary>What etcd printed so far, for failure messages.</summary>
    public string Log => string.Join('\n', _log.TakeLast(40));

    public static EtcdProcess Start(IReadOnlyList<string> manifestCommand, string rootfs)
    {
        var start = new ProcessStartInfo(EtcdBinary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in AdaptForTest(manifestCommand.Skip(1), rootfs))
        {
            start.ArgumentList.Add(argument);
        }

        return new EtcdProcess(Process.Start(start) ?? throw new InvalidOperationException("etcd did not start"));
    }

    /// <summary>The manifest's flags as this test runs them (only the test changes ports, paths and version-specific flags).</summary>
    public static IEnumerable<string> AdaptForTest(IEnumerable<string> flags, string rootfs)
    {
        foreach (var flag in flags)
        {
            if (FlagsUnknownToEtcd34.Any(unknown => flag.StartsWith(unknown, StringComparison.Ordinal)))
            {
                continue;
            }

            var separator = flag.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = (flag[..(separator + 1)], flag[(separator + 1)..]);
            if (value.StartsWith('/'))
            {
                value = rootfs + value;
            }

            value = WellKnownPort().Replace(value, match => ":" + (int.Parse(match.Groups[1].Value) * 10));

            // With 127.0.0.1 as the advertise address both listen URLs are the same; etcd cannot bind one twice.
            yield return name + string.Join(',', value.Split(',').Distinct(StringComparer.Ordinal));
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    [GeneratedRegex(@":(2379|2380|2381)\b")]
    private static partial Regex WellKnownPort();
}
