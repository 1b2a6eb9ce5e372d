namespace Kubeadm.Core.Host;

/// <summary>
/// A file system held in memory, for tests: same semantics as the physical one (modes recorded exactly,
/// parents created with 0755, host-path error messages). All members are safe to call from several threads.
/// </summary>
public sealed class InMemoryFileSystem : IFileSystem
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (int UserId, int GroupId)> _owners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (byte[] Content, UnixFileMode Mode)> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UnixFileMode> _directories = new(StringComparer.Ordinal)
    {
        [HostPathSyntax.Root] = FileModes.Directory,
    };

    /// <inheritdoc/>
    public bool FileExists(string path)
    {
        var normalized = HostPathSyntax.Normalize(path);
        lock (_lock)
        {
            return _files.ContainsKey(normalized);
        }
    }

    /// <inheritdoc/>
    public bool DirectoryExists(string path)
    {
        var normalized = HostPathSyntax.Normalize(path);
        lock (_lock)
        {
            return _directories.ContainsKey(normalized);
        }
    }

    /// <inheritdoc/>
    public byte[] ReadAllBytes(string path)
    {
        var normalized = HostPathSyntax.Normalize(path);
        lock (_lock)
        {
            if (_files.TryGetValue(normalized, out var file))
            {
                return file.Content.ToArray();
            }

            throw _directories.ContainsKey(normalized)
                ? FileSystemErrors.IsADirectory(normalized)
                : FileSystemErrors.FileNotFound(normalized);
        }
    }

    /// <inheritdoc/>
    public void WriteFile(string path, ReadOnlySpan<byte> content, UnixFileMode mode)
    {
        var normalized = HostPathSyntax.Normalize(path);
        var copy = content.ToArray();
        lock (_lock)
        {
            if (_directories.ContainsKey(normalized))
            {
                throw FileSystemErrors.IsADirectory(normalized);
            }

            CreateMissingDirectories(HostPathSyntax.GetParent(normalized)!, FileModes.Directory);
            _files[normalized] = (copy, mode);
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
            if (!_directories.ContainsKey(normalized))
            {
                throw _files.ContainsKey(normalized)
                    ? FileSystemErrors.NotADirectory(normalized)
                    : FileSystemErrors.DirectoryNotFound(normalized);
            }

            return ChildrenOf(normalized);
        }
    }

    /// <inheritdoc/>
    public void DeleteFile(string path)
    {
        var normalized = HostPathSyntax.Normalize(path);
        lock (_lock)
        {
            if (_directories.ContainsKey(normalized))
            {
                throw FileSystemErrors.IsADirectory(normalized);
            }

            _files.Remove(normalized);
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
            if (!_directories.ContainsKey(normalized))
            {
                if (_files.ContainsKey(normalized))
                {
                    throw FileSystemErrors.NotADirectory(normalized);
                }

                return;
            }

            if (!recursive && ChildrenOf(normalized).Count > 0)
            {
                throw FileSystemErrors.DirectoryNotEmpty(normalized);
            }

            RemoveWhere(_files.Keys, normalized, _files);
            RemoveWhere(_directories.Keys, normalized, _directories);
        }
    }

    /// <inheritdoc/>
    /// <summary>Owners set with <see cref="SetOwner"/> (everything else is root's).</summary>
    public (int UserId, int GroupId) OwnerOf(string path)
    {
        lock (_lock)
        {
            return _owners.TryGetValue(HostPathSyntax.Normalize(path), out var owner) ? owner : (0, 0);
        }
    }

    public void SetOwner(string path, int userId, int groupId)
    {
        var normalized = HostPathSyntax.Normalize(path);
        lock (_lock)
        {
            if (!_files.ContainsKey(normalized) && !_directories.ContainsKey(normalized))
            {
                throw FileSystemErrors.FileNotFound(normalized);
            }

            _owners[normalized] = (userId, groupId);
        }
    }

    public UnixFileMode GetMode(string path)
    {
        var normalized = HostPathSyntax.Normalize(path);
        lock (_lock)
        {
            if (_files.TryGetValue(normalized, out var file))
            {
                return file.Mode;
            }

            if (_directories.TryGetValue(normalized, out var mode))
            {
                return mode;
            }

            throw FileSystemErrors.FileNotFound(normalized);
        }
    }

    /// <summary>Every file, as host paths sorted ordinally (for assertions).</summary>
    public IReadOnlyList<string> ListAllFiles()
    {
        lock (_lock)
        {
            return [.. _files.Keys.Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Every directory including the root, as host paths sorted ordinally (for assertions).</summary>
    public IReadOnlyList<string> ListAllDirectories()
    {
        lock (_lock)
        {
            return [.. _directories.Keys.Order(StringComparer.Ordinal)];
        }
    }

    private void CreateMissingDirectories(string normalizedDirectory, UnixFileMode mode)
    {
        var missing = new Stack<string>();
        foreach (var directory in HostPathSyntax.SelfAndAncestors(normalizedDirectory))
        {
            if (_files.ContainsKey(directory))
            {
                throw FileSystemErrors.NotADirectory(directory);
            }

            if (_directories.ContainsKey(directory))
            {
                break;
            }

            missing.Push(directory);
        }

        foreach (var directory in missing)
        {
            _directories[directory] = mode;
        }
    }

    private List<string> ChildrenOf(string normalizedDirectory) =>
        [.. _files.Keys.Concat(_directories.Keys)
            .Where(entry => HostPathSyntax.GetParent(entry) is { } parent
                && string.Equals(parent, normalizedDirectory, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    private static void RemoveWhere<TValue>(IEnumerable<string> keys, string normalizedAncestor, Dictionary<string, TValue> dictionary)
    {
        foreach (var key in keys.Where(key => HostPathSyntax.IsSameOrUnder(key, normalizedAncestor)).ToList())
        {
            dictionary.Remove(key);
        }
    }
}
