namespace Kubeadm.Core.Host;

/// <summary>Passes every call through and remembers which files were written and deleted (for `init -o json`).</summary>
public sealed class RecordingFileSystem : IFileSystem
{
    private readonly IFileSystem _inner;
    private readonly List<string> _written = [];
    private readonly List<string> _deleted = [];
    private readonly Lock _lock = new();

    public RecordingFileSystem(IFileSystem inner) => _inner = inner;

    /// <summary>Written host paths, in order, each once.</summary>
    public IReadOnlyList<string> Written
    {
        get
        {
            lock (_lock)
            {
                return [.. _written.Distinct(StringComparer.Ordinal)];
            }
        }
    }

    public IReadOnlyList<string> Deleted
    {
        get
        {
            lock (_lock)
            {
                return [.. _deleted];
            }
        }
    }

    public bool FileExists(string path) => _inner.FileExists(path);

    public bool DirectoryExists(string path) => _inner.DirectoryExists(path);

    public byte[] ReadAllBytes(string path) => _inner.ReadAllBytes(path);

    public void WriteFile(string path, ReadOnlySpan<byte> content, UnixFileMode mode)
    {
        _inner.WriteFile(path, content, mode);
        lock (_lock)
        {
            _written.Add(HostPathSyntax.Normalize(path));
        }
    }

    public void CreateDirectory(string path, UnixFileMode mode) => _inner.CreateDirectory(path, mode);

    public IReadOnlyList<string> ListDirectory(string path) => _inner.ListDirectory(path);

    public void DeleteFile(string path)
    {
        _inner.DeleteFile(path);
        lock (_lock)
        {
            _deleted.Add(HostPathSyntax.Normalize(path));
        }
    }

    public void DeleteDirectory(string path, bool recursive)
    {
        _inner.DeleteDirectory(path, recursive);
        lock (_lock)
        {
            _deleted.Add(HostPathSyntax.Normalize(path));
        }
    }

    public UnixFileMode GetMode(string path) => _inner.GetMode(path);

    public void SetOwner(string path, int userId, int groupId) => _inner.SetOwner(path, userId, groupId);
}
