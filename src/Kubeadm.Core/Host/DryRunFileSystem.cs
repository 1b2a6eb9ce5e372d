using System.Text;

namespace Kubeadm.Core.Host;

/// <summary>
/// The file system for <c>--dry-run</c>: an overlay over a real file system in which writes and deletes stay in
/// memory. Reads see the overlay first (so a later phase reads what an earlier phase "wrote"), then the inner file
/// system; deletes leave tombstones that hide inner entries. Each write and delete is printed immediately, as kubeadm does:
/// <c>[dryrun] Would write file "&lt;path&gt;" with content:</c> followed by the content as UTF-8 text
/// (a final newline is added when the content lacks one, so the next line starts cleanly). Files the caller marks as
/// unprinted (certificates, keys and kubeconfigs, which kubeadm never prints) are only written to the mirror.
/// All members are safe to call from several threads.
/// </summary>
public sealed class DryRunFileSystem : IFileSystem
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly IFileSystem _inner;
    private readonly TextWriter _output;
    private readonly DryRunMirror? _mirror;
    private readonly Func<string, bool> _isUnprinted;
    private readonly Lock _lock = new();

    // The upper layer: what the overlay wrote. It also holds the parents of those files that exist below, which are
    // only scaffolding; the directories the overlay itself created are the ones in _ownDirectories, with their modes.
    private readonly InMemoryFileSystem _upper = new();
    private readonly Dictionary<string, UnixFileMode> _ownDirectories = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tombstones = new(StringComparer.Ordinal);
    private readonly List<RecordedWrite> _writes = [];
    private readonly List<string> _deletes = [];

    /// <summary>Creates the overlay over <paramref name="inner"/>, printing to <paramref name="output"/>.</summary>
    /// <param name="inner">The real file system; it is only read, never written.</param>
    /// <param name="output">Where the <c>[dryrun]</c> lines go (pass <see cref="TextWriter.Null"/> to stay silent).</param>
    /// <param name="mirror">Optionally, where each write is also copied for the user to inspect.</param>
    /// <param name="isUnprinted">Optionally, which host paths are written without printing anything.</param>
    public DryRunFileSystem(IFileSystem inner, TextWriter output, DryRunMirror? mirror = null, Func<string, bool>? isUnprinted = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(output);
        _inner = inner;
        _output = output;
        _mirror = mirror;
        _isUnprinted = isUnprinted ?? (_ => false);
    }

    /// <summary>Every write so far, in order (a path written twice appears twice).</summary>
    public IReadOnlyList<RecordedWrite> RecordedWrites
    {
        get
        {
            lock (_lock)
            {
                return [.. _writes];
            }
        }
    }

    /// <summary>Every file or directory deleted so far, in order, as normalized host paths.</summary>
    public IReadOnlyList<string> RecordedDeletes
    {
        get
        {
            lock (_lock)
            {
                return [.. _deletes];
            }
        }
    }

    /// <inheritdoc/>
    public bool FileExists(string path)
    {
        var normalized = HostPathSyntax.Normalize(path);
        lock (_lock)
        {
            return IsVisibleFile(normalized);
        }
    }

    /// <inheritdoc/>
    public bool DirectoryExists(string path)
    {
        var normalized = HostPathSyntax.Normalize(path);
        lock (_lock)
        {
            return IsVisibleDirectory(normalized);
        }
    }

    /// <inheritdoc/>
    public byte[] ReadAllBytes(string path)
    {
        var normalized = HostPathSyntax.Normalize(path);
        lock (_lock)
        {
            if (_upper.FileExists(normalized))
            {
                return _upper.ReadAllBytes(normalized);
            }

            if (_ownDirectories.ContainsKey(normalized))
            {
                throw FileSystemErrors.IsADirectory(normalized);
            }

            if (IsHidden(normalized))
            {
                throw FileSystemErrors.FileNotFound(normalized);
            }
        }

        return _inner.ReadAllBytes(normalized);
    }

    /// <inheritdoc/>
    public void WriteFile(string path, ReadOnlySpan<byte> content, UnixFileMode mode)
    {
        var normalized = HostPathSyntax.Normalize(path);
        var copy = content.ToArray();
        lock (_lock)
        {
            if (IsVisibleDirectory(normalized))
            {
                throw FileSystemErrors.IsADirectory(normalized);
            }

            CreateMissingDirectories(HostPathSyntax.GetParent(normalized)!, FileModes.Directory);
            _upper.WriteFile(normalized, copy, mode);
            _writes.Add(new RecordedWrite(normalized, copy, mode));
            if (!_isUnprinted(normalized))
            {
                PrintWrite(normalized, copy);
            }

            _mirror?.FileSystem.WriteFile(_mirror.PathOf(normalized), copy, mode);
        }
    }

    /// <inheritdoc/>
    public void CreateDirectory(string path, UnixFileMode mode)
    {
        var normalized = HostPathSyntax.Normalize(path);
        lock (_lock)
        {
            CreateMissingDirectories(normalized, mode);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> ListDirectory(string path)
    {
        var normalized = HostPathSyntax.Normalize(path);
        lock (_lock)
        {
            if (!IsVisibleDirectory(normalized))
            {
                throw IsVisibleFile(normalized)
                    ? FileSystemErrors.NotADirectory(normalized)
                    : FileSystemErrors.DirectoryNotFound(normalized);
            }

            return VisibleChildrenOf(normalized);
        }
    }

    /// <inheritdoc/>
    public void DeleteFile(string path)
    {
        var normalized = HostPathSyntax.Normalize(path);
        lock (_lock)
        {
            if (IsVisibleDirectory(normalized))
            {
                throw FileSystemErrors.IsADirectory(normalized);
            }

            if (!IsVisibleFile(normalized))
            {
                return;
            }

            _upper.DeleteFile(normalized);
            _tombstones.Add(normalized);
            RecordDelete("file", normalized);
        }
    }

    /// <inheritdoc/>
    public void DeleteDirectory(string path, bool recursive)
    {
        var normalized = HostPathSyntax.Normalize(path);
        if (normalized == HostPathSyntax.Root)
        {
            throw FileSystemErrors.CannotDeleteRoot(nameof(path));
        }

        lock (_lock)
        {
            if (!IsVisibleDirectory(normalized))
            {
                if (IsVisibleFile(normalized))
                {
                    throw FileSystemErrors.NotADirectory(normalized);
                }

                return;
            }

            if (!recursive && VisibleChildrenOf(normalized).Count > 0)
            {
                throw FileSystemErrors.DirectoryNotEmpty(normalized);
            }

            _upper.DeleteDirectory(normalized, recursive: true);
            foreach (var directory in _ownDirectories.Keys.Where(key => HostPathSyntax.IsSameOrUnder(key, normalized)).ToList())
            {
                _ownDirectories.Remove(directory);
            }

            _tombstones.Add(normalized);
            RecordDelete("directory", normalized);
        }
    }

    /// <inheritdoc/>
    public void SetOwner(string path, int userId, int groupId) =>
        _output.WriteLine($"[dryrun] Would change the owner of \"{HostPathSyntax.Normalize(path)}\" to {userId}:{groupId}");

    public UnixFileMode GetMode(string path)
    {
        var normalized = HostPathSyntax.Normalize(path);
        lock (_lock)
        {
            if (_upper.FileExists(normalized))
            {
                return _upper.GetMode(normalized);
            }

            if (_ownDirectories.TryGetValue(normalized, out var mode))
            {
                return mode;
            }

            if (IsHidden(normalized))
            {
                throw FileSystemErrors.FileNotFound(normalized);
            }
        }

        return _inner.GetMode(normalized);
    }

    // A tombstone on the path or any ancestor hides the inner file system's entry; overlay entries are never hidden.
    private bool IsHidden(string normalized) => HostPathSyntax.SelfAndAncestors(normalized).Any(_tombstones.Contains);

    private bool IsVisibleFile(string normalized) =>
        _upper.FileExists(normalized)
        || (!_ownDirectories.ContainsKey(normalized) && !IsHidden(normalized) && _inner.FileExists(normalized));

    private bool IsVisibleDirectory(string normalized) =>
        normalized == HostPathSyntax.Root
        || _ownDirectories.ContainsKey(normalized)
        || (!_upper.FileExists(normalized) && !IsHidden(normalized) && _inner.DirectoryExists(normalized));

    private List<string> VisibleChildrenOf(string normalizedDirectory)
    {
        var children = new SortedSet<string>(StringComparer.Ordinal);
        if (!IsHidden(normalizedDirectory) && _inner.DirectoryExists(normalizedDirectory))
        {
            children.UnionWith(_inner.ListDirectory(normalizedDirectory).Where(child => !_tombstones.Contains(child)));
        }

        if (_upper.DirectoryExists(normalizedDirectory))
        {
            children.UnionWith(_upper.ListDirectory(normalizedDirectory));
        }

        return [.. children];
    }

    private void CreateMissingDirectories(string normalizedDirectory, UnixFileMode mode)
    {
        var missing = new Stack<string>();
        foreach (var directory in HostPathSyntax.SelfAndAncestors(normalizedDirectory))
        {
            if (IsVisibleFile(directory))
            {
                throw FileSystemErrors.NotADirectory(directory);
            }

            if (IsVisibleDirectory(directory))
            {
                break;
            }

            missing.Push(directory);
        }

        foreach (var directory in missing)
        {
            _ownDirectories[directory] = mode;
            _upper.CreateDirectory(directory, mode);
        }
    }

    private void PrintWrite(string normalized, byte[] content)
    {
        _output.Write($"[dryrun] Would write file {QuoteLikeGo(normalized)} with content:\n");
        var text = SecretRedactor.Redact(Utf8.GetString(content));
        _output.Write(text);
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            _output.Write('\n');
        }
    }

    private void RecordDelete(string kind, string normalized)
    {
        _deletes.Add(normalized);
        _output.Write($"[dryrun] Would delete {kind} {QuoteLikeGo(normalized)}\n");
    }

    // kubeadm prints paths with Go's %q; host paths rarely need more than quote and backslash escaping.
    private static string QuoteLikeGo(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var character in value)
        {
            _ = character switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(character) => builder.Append("\\x").Append(((int)character).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)),
                _ => builder.Append(character),
            };
        }

        return builder.Append('"').ToString();
    }
}
