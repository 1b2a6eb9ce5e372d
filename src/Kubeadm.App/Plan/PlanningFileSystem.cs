using System.Globalization;
using Kubeadm.Core.Host;
using Kubeadm.Core.Plan;

namespace Kubeadm.App.Plan;

/// <summary>
/// The file system of a plan run: the dry-run overlay over the node's file system (reads see the node, then what
/// earlier phases "wrote"; nothing reaches the node), remembering which phase wrote each file. <see cref="Items"/>
/// compares each written file with the node's copy through <see cref="FileChangeDecision"/>; a chown of a path the node
/// has is an update.
/// </summary>
public sealed class PlanningFileSystem : IFileSystem
{
    private readonly IFileSystem _host;
    private readonly DryRunFileSystem _overlay;
    private readonly PlanRecorder _recorder;
    private readonly Func<string, bool> _isSecret;
    private readonly Lock _lock = new();
    private readonly List<(string Phase, string Path, string Kind)> _touched = [];
    private readonly Dictionary<string, string> _notes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);

    /// <param name="host">The node's file system (under --rootfs); only read.</param>
    /// <param name="recorder">Tells which phase is running.</param>
    /// <param name="isSecret">Paths whose content the report never quotes (keys, certificates, kubeconfigs).</param>
    public PlanningFileSystem(IFileSystem host, PlanRecorder recorder, Func<string, bool> isSecret)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(isSecret);
        _host = host;
        _overlay = new DryRunFileSystem(host, TextWriter.Null);
        _recorder = recorder;
        _isSecret = isSecret;
    }

    /// <summary>Each file and directory the run would write or delete, once, in the order first touched.</summary>
    public IReadOnlyList<PlannedItem> Items()
    {
        List<(string Phase, string Path, string Kind)> touched;
        Dictionary<string, string> notes;
        Dictionary<string, string> owners;
        lock (_lock)
        {
            touched = [.. _touched];
            notes = new Dictionary<string, string>(_notes, StringComparer.Ordinal);
            owners = new Dictionary<string, string>(_owners, StringComparer.Ordinal);
        }

        var lastWrites = _overlay.RecordedWrites.GroupBy(w => w.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var items = new List<PlannedItem>();
        foreach (var group in touched.GroupBy(t => t.Path, StringComparer.Ordinal))
        {
            var path = group.Key;
            // A file belongs to the phase that writes it last (its content is that phase's); a directory to the one that makes it.
            var writers = group.Where(t => t.Kind is "file" or "delete" or "others").ToList();
            var (phase, kind) = writers.Count > 0 ? (writers[^1].Phase, writers[^1].Kind) : (group.First().Phase, group.First().Kind);
            var decision = kind switch
            {
                "file" when lastWrites.TryGetValue(path, out var write) => FileChangeDecision.Decide(
                    _host.FileExists(path) ? _host.ReadAllBytes(path) : null,
                    _host.FileExists(path) ? _host.GetMode(path) : default,
                    write.Content.Span,
                    write.Mode,
                    !_isSecret(path)),
                "delete" => _host.FileExists(path) || _host.DirectoryExists(path) ? new PlanDecision(PlanAction.Delete, []) : null,
                "directory" => _host.DirectoryExists(path) ? null : PlanDecision.Create,
                "keep" when _host.FileExists(path) => PlanDecision.Unchanged,
                "others" => _host.FileExists(path) ? PlanDecision.Unchanged : PlanDecision.Create,
                _ => null,
            };
            var itemKind = kind == "directory" ? kind : "file";
            if (owners.TryGetValue(path, out var owner) && (_host.FileExists(path) || _host.DirectoryExists(path)))
            {
                // The run chowns what the node already has: an update, whatever else it does to the path (the current
                // owner is not read, so it is not compared).
                if (decision is null)
                {
                    phase = group.Last(t => t.Kind == "owner").Phase;
                    itemKind = _host.DirectoryExists(path) ? "directory" : "file";
                }

                decision = decision?.Action is PlanAction.Create or PlanAction.Delete
                    ? decision
                    : PlanDecision.Update([.. decision?.Diff ?? [], $"~ owner -> {owner}"]);
            }

            if (decision is not null)
            {
                items.Add(new PlannedItem
                {
                    Phase = phase,
                    Kind = itemKind,
                    Name = path,
                    Action = decision.Action,
                    Diff = decision.Diff,
                    Reason = kind == "others" ? notes.GetValueOrDefault(path) : null,
                });
            }
        }

        return items;
    }

    /// <summary>The running phase keeps this existing file untouched: listed as unchanged (when it does exist).</summary>
    public void Keep(string path) => Touch(path, "keep");

    /// <summary>
    /// Someone else (the kubelet) writes this file during the run: created when the node lacks it, else left as it is.
    /// <paramref name="note"/> says who writes it.
    /// </summary>
    public void ExpectFromOthers(string path, string note)
    {
        lock (_lock)
        {
            _notes[HostPathSyntax.Normalize(path)] = note;
        }

        Touch(path, "others");
    }

    public bool FileExists(string path) => _overlay.FileExists(path);

    public bool DirectoryExists(string path) => _overlay.DirectoryExists(path);

    public byte[] ReadAllBytes(string path) => _overlay.ReadAllBytes(path);

    public void WriteFile(string path, ReadOnlySpan<byte> content, UnixFileMode mode)
    {
        _overlay.WriteFile(path, content, mode);
        Touch(path, "file");
    }

    public void CreateDirectory(string path, UnixFileMode mode)
    {
        var existed = _overlay.DirectoryExists(path);
        _overlay.CreateDirectory(path, mode);
        if (!existed || !_host.DirectoryExists(path))
        {
            Touch(path, "directory");
        }
    }

    public IReadOnlyList<string> ListDirectory(string path) => _overlay.ListDirectory(path);

    public void DeleteFile(string path)
    {
        _overlay.DeleteFile(path);
        Touch(path, "delete");
    }

    public void DeleteDirectory(string path, bool recursive)
    {
        _overlay.DeleteDirectory(path, recursive);
        Touch(path, "delete");
    }

    public void SetOwner(string path, int userId, int groupId)
    {
        _overlay.SetOwner(path, userId, groupId);
        lock (_lock)
        {
            _owners[HostPathSyntax.Normalize(path)] = string.Create(CultureInfo.InvariantCulture, $"{userId}:{groupId}");
        }

        Touch(path, "owner");
    }

    public UnixFileMode GetMode(string path) => _overlay.GetMode(path);

    private void Touch(string path, string kind)
    {
        var normalized = HostPathSyntax.Normalize(path);
        lock (_lock)
        {
            _touched.Add((_recorder.CurrentPhase, normalized, kind));
        }
    }
}
