using System.Security.Cryptography;

namespace Kubeadm.Core.Pki;

/// <summary>
/// Generates private keys ahead of time, in parallel. Key generation dominates the file phases (RSA especially) and
/// the keys are independent, so a run queues every key it will need as soon as its configuration is loaded, in the
/// order the phases will take them, and each sub-phase takes its own by name; a key nobody started is generated on
/// the spot. A few dedicated worker threads (one per core, at most <see cref="MaxWorkers"/>) work through the queue,
/// so the first keys needed finish first and the thread pool stays free for the run's own work.
/// Safe to use from several threads.
/// </summary>
public sealed class PrivateKeyPool : IDisposable
{
    /// <summary>More threads than cores only makes every key late; a few cores already cover a run's 16 keys.</summary>
    public const int MaxWorkers = 4;

    // Key generation runs in OpenSSL's big-number code, which needs little stack.
    private const int WorkerStackSize = 256 * 1024;

    private readonly IKeyGenerator _generator;
    private readonly int _maxWorkers;
    private readonly Lock _lock = new();
    private readonly LinkedList<Entry> _queue = [];
    private readonly Dictionary<string, Entry> _notTaken = new(StringComparer.Ordinal);
    private readonly ManualResetEventSlim _idle = new(initialState: true);
    private int _workers;
    private bool _disposed;

    /// <param name="generator">Makes each key.</param>
    /// <param name="workers">How many keys are generated at once; defaults to the number of cores (at most <see cref="MaxWorkers"/>).</param>
    public PrivateKeyPool(IKeyGenerator generator, int? workers = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        _generator = generator;
        _maxWorkers = workers ?? Math.Clamp(Environment.ProcessorCount, 1, MaxWorkers);
        ArgumentOutOfRangeException.ThrowIfLessThan(_maxWorkers, 1, nameof(workers));
    }

    /// <summary>
    /// Queues the key named <paramref name="name"/> for generation in the background, after those queued before it,
    /// unless it is already queued.
    /// </summary>
    public void Prestart(string name, KeyAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(algorithm);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_notTaken.ContainsKey(name))
            {
                return;
            }

            var entry = new Entry(name, algorithm);
            _notTaken[name] = entry;
            _queue.AddLast(entry);
            if (_workers < _maxWorkers)
            {
                _workers++;
                _idle.Reset();
                new Thread(Work, WorkerStackSize) { IsBackground = true, Name = "key generation" }.Start();
            }
        }
    }

    /// <summary>Names of keys queued or generated and not yet taken.</summary>
    public IReadOnlyCollection<string> Pending
    {
        get
        {
            lock (_lock)
            {
                return [.. _notTaken.Keys];
            }
        }
    }

    /// <summary>
    /// The key queued for <paramref name="name"/> (waiting for it if a worker is generating it), else a key generated
    /// on the calling thread — also when it is still queued, so a caller never waits behind keys it does not need.
    /// </summary>
    public AsymmetricAlgorithm Take(string name, KeyAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(algorithm);
        Entry? entry;
        lock (_lock)
        {
            if (_notTaken.Remove(name, out entry) && !entry.Started)
            {
                _queue.Remove(entry);
                entry = null;
            }
        }

        if (entry is not null && entry.Algorithm == algorithm)
        {
            return entry.Key.Task.GetAwaiter().GetResult();
        }

        entry?.Key.Task.ContinueWith(DisposeKey, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return _generator.Generate(algorithm);
    }

    /// <summary>
    /// Drops the keys still queued and waits for those being generated (at most one per worker), then frees every key
    /// not taken. A process must not exit while OpenSSL is inside a key generation on another thread: its exit
    /// handlers free what that thread is using.
    /// </summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _queue.Clear();
        }

        _idle.Wait();
        lock (_lock)
        {
            foreach (var entry in _notTaken.Values.Where(e => e.Started))
            {
                DisposeKey(entry.Key.Task);
            }

            _notTaken.Clear();
        }

        _idle.Dispose();
    }

    private void Work()
    {
        while (true)
        {
            Entry entry;
            lock (_lock)
            {
                if (_queue.First is not { } first)
                {
                    if (--_workers == 0)
                    {
                        _idle.Set();
                    }

                    return;
                }

                entry = first.Value;
                _queue.RemoveFirst();
                entry.Started = true;
            }

            try
            {
                entry.Key.SetResult(_generator.Generate(entry.Algorithm));
            }
#pragma warning disable CA1031 // The failure belongs to whoever takes the key: it is rethrown there.
            catch (Exception e)
#pragma warning restore CA1031
            {
                entry.Key.SetException(e);
            }
        }
    }

    private static void DisposeKey(Task<AsymmetricAlgorithm> key)
    {
        if (key.IsCompletedSuccessfully)
        {
            key.Result.Dispose();
        }
    }

    private sealed class Entry(string name, KeyAlgorithm algorithm)
    {
        public string Name { get; } = name;

        public KeyAlgorithm Algorithm { get; } = algorithm;

        public TaskCompletionSource<AsymmetricAlgorithm> Key { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Started { get; set; }
    }
}
