using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>
/// Asks the cluster (`kubectl get nodes`) about once a second from the moment it is
/// made until it is disposed, through two paths: node A's admin.conf (the control-plane endpoint, i.e. node-1's API
/// server) and node B's API server by address. It records every answer, so a test can show where the cluster stopped
/// answering (the restarts an upgrade documents) and assert that it never did so for long. Bounded: at most
/// <see cref="MaxRounds"/> rounds, stopped on dispose.
/// </summary>
internal sealed class KubectlPoll : IAsyncDisposable
{
    private const int MaxRounds = 1200;
    private readonly List<Sample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _loop;

    public KubectlPoll(BedNode endpointNode, BedNode otherNode)
    {
        _loop = Task.Run(async () =>
        {
            for (var round = 0; round < MaxRounds && !_stop.IsCancellationRequested; round++)
            {
                var at = _clock.Elapsed;
                var viaEndpoint = endpointNode.KubectlAsync("--request-timeout=5s", "get", "nodes", "-o", "name");
                var viaOther = otherNode.KubectlAsync("--request-timeout=5s", $"--server=https://{otherNode.Address}:6443", "get", "nodes", "-o", "name");
                var results = await Task.WhenAll(viaEndpoint, viaOther);
                lock (_samples)
                {
                    _samples.Add(new Sample(at, "endpoint (" + endpointNode.Name + ")", results[0].ExitCode == 0));
                    _samples.Add(new Sample(at, otherNode.Name + " by address", results[1].ExitCode == 0));
                }

                try
                {
                    await Task.Delay(1000, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    /// <summary>Per path: how many answers, and each window without one.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        foreach (var (path, samples) in ByPath())
        {
            text.Append(CultureInfo.InvariantCulture, $"kubectl via {path}: {samples.Count(s => s.Answered)}/{samples.Count} answered");
            foreach (var (from, to) in Outages(samples))
            {
                text.Append(CultureInfo.InvariantCulture, $"; no answer {from.TotalSeconds:0}–{to.TotalSeconds:0} s ({(to - from).TotalSeconds:0} s)");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>Every path answered at the end, and no window without an answer lasted <paramref name="longest"/> or more.</summary>
    public void AssertAnsweredThroughout(TimeSpan longest)
    {
        var paths = ByPath();
        Assert.NotEmpty(paths);
        foreach (var (path, samples) in paths)
        {
            Assert.True(samples.Count >= 3, $"only {samples.Count} polls via {path}");
            Assert.True(samples[^1].Answered, $"kubectl via {path} did not answer at the end:\n{Summary()}");
            foreach (var (from, to) in Outages(samples))
            {
                Assert.True(to - from < longest, $"kubectl via {path} did not answer for {(to - from).TotalSeconds:0} s:\n{Summary()}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.WaitAsync(TimeSpan.FromSeconds(90));
        _stop.Dispose();
    }

    private List<(string Path, List<Sample> Samples)> ByPath()
    {
        lock (_samples)
        {
            return [.. _samples.GroupBy(s => s.Path).Select(g => (g.Key, g.ToList()))];
        }
    }

    /// <summary>Windows from the first unanswered poll to the next answered one (or the last poll).</summary>
    private static List<(TimeSpan From, TimeSpan To)> Outages(List<Sample> samples)
    {
        var outages = new List<(TimeSpan, TimeSpan)>();
        TimeSpan? start = null;
        foreach (var sample in samples)
        {
            if (!sample.Answered)
            {
                start ??= sample.At;
            }
            else if (start is { } from)
            {
                outages.Add((from, sample.At));
                start = null;
            }
        }

        if (start is { } open)
        {
            outages.Add((open, samples[^1].At));
        }

        return outages;
    }

    private sealed record Sample(TimeSpan At, string Path, bool Answered);
}
