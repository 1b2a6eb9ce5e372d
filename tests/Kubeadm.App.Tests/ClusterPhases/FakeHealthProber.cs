using Kubeadm.Core.Health;

namespace Kubeadm.App.Tests.ClusterPhases;

/// <summary>Answers health probes from a script: each URL fails a set number of times (or forever), then returns 200.</summary>
internal sealed class FakeHealthProber : IHealthProber
{
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly List<string> _calls = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The URL refuses connections <paramref name="times"/> times before answering 200.</summary>
    public FakeHealthProber FailFirst(string url, int times)
    {
        _failures[url] = times;
        return this;
    }

    public FakeHealthProber NeverHealthy(string url) => FailFirst(url, int.MaxValue);

    public Task<HealthProbeResult> ProbeAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var url = endpoint.ToString();
        lock (_lock)
        {
            _calls.Add(url);
            var seen = _calls.Count(call => call == url);
            return Task.FromResult(seen > _failures.GetValueOrDefault(url)
                ? HealthProbeResult.Status(200)
                : HealthProbeResult.Failed($"Get \"{url}\": Connection refused"));
        }
    }
}
