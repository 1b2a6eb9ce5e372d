using System.Diagnostics;

namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>
/// Runs the kubelet as systemd runs kubelet.service with kubeadm's drop-in, on a machine without systemd: the argv
/// comes from <see cref="KubeletUnit.CommandLine"/> with the env files read afresh at every start, and Restart=always
/// starts it again <see cref="KubeletUnit.RestartSec"/> after every exit (before `kubeadm init` writes
/// /var/lib/kubelet/config.yaml the kubelet exits at once, exactly as on a fresh kubeadm host). Reads files and starts
/// the process through the given functions, so it works inside a test node's namespaces (<see cref="NodeNamespace"/>)
/// or anywhere else. Each start's pid is recorded; Dispose stops the loop and kills the current kubelet by pid.
/// </summary>
internal sealed class SystemdKubelet : IAsyncDisposable
{
    /// <summary>What systemd gives a service: no inherited environment but a default PATH.</summary>
    private static readonly Dictionary<string, string> ServiceEnvironment = new(StringComparer.Ordinal)
    {
        ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    };

    private readonly KubeletUnit _unit;
    private readonly Func<string, string?> _readFile;
    private readonly Func<IReadOnlyList<string>, IReadOnlyDictionary<string, string>, ProcessStartInfo> _startInfo;
    private readonly Func<string, string> _executable;
    private readonly TimeSpan _restartSec;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<int> _pids = [];
    private readonly object _gate = new();
    private Process? _current;
    private Task? _loop;

    /// <param name="unit">The parsed unit and drop-ins.</param>
    /// <param name="readFile">Reads a file as the service would see it (null when it does not exist).</param>
    /// <param name="startInfo">Makes the start info for an argv and environment (e.g. <see cref="NodeNamespace.LoggedCommand"/>).</param>
    /// <param name="executable">Maps ExecStart's binary (e.g. /usr/bin/kubelet) to the one to run.</param>
    /// <param name="restartSec">Overrides the unit's RestartSec (tests need no 10 s pauses).</param>
    public SystemdKubelet(
        KubeletUnit unit,
        Func<string, string?> readFile,
        Func<IReadOnlyList<string>, IReadOnlyDictionary<string, string>, ProcessStartInfo> startInfo,
        Func<string, string> executable,
        TimeSpan? restartSec = null)
    {
        _unit = unit;
        _readFile = readFile;
        _startInfo = startInfo;
        _executable = executable;
        _restartSec = restartSec ?? unit.RestartSec;
    }

    /// <summary>Every pid the service has had, oldest first.</summary>
    public IReadOnlyList<int> Pids
    {
        get
        {
            lock (_gate)
            {
                return [.. _pids];
            }
        }
    }

    /// <summary>The argv of the last start (for failure messages and assertions).</summary>
    public IReadOnlyList<string> LastCommandLine { get; private set; } = [];

    /// <summary>Why the last start attempt could not run, if it could not.</summary>
    public string? LastStartError { get; private set; }

    /// <summary>The pid of the kubelet running now, if one is.</summary>
    public int? RunningPid
    {
        get
        {
            lock (_gate)
            {
                return _current is { HasExited: false } process ? process.Id : null;
            }
        }
    }

    /// <summary>`systemctl start kubelet`: starts the Restart=always loop.</summary>
    public void Start() => _loop ??= Task.Run(RunAsync);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        lock (_gate)
        {
            if (_current is { HasExited: false } process)
            {
                process.Kill();
            }
        }

        if (_loop is not null)
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(15));
        }

        _current?.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var (command, variables) = _unit.CommandLine(_readFile);
                List<string> argv = [_executable(command[0]), .. command.Skip(1)];
                LastCommandLine = argv;
                var environment = new Dictionary<string, string>(ServiceEnvironment);
                foreach (var (name, value) in variables)
                {
                    environment[name] = value;
                }

                var process = Process.Start(_startInfo(argv, environment)) ?? throw new InvalidOperationException("the kubelet did not start");
                lock (_gate)
                {
                    _current?.Dispose();
                    _current = process;
                    _pids.Add(process.Id);
                }

                LastStartError = null;
                await process.WaitForExitAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                LastStartError = e.Message; // systemd: "Failed to start"; Restart=always tries again.
            }

            try
            {
                await Task.Delay(_restartSec, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
