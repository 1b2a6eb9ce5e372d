using Kubeadm.Core.Host;

namespace Kubeadm.App.Host;

/// <summary>
/// The real file system under <c>--rootfs</c>: host path <c>/etc/x</c> is <c>&lt;rootfs&gt;/etc/x</c> (rootfs <c>/</c>
/// means the path as is). Paths climbing above the root with <c>..</c> are rejected; symbolic links inside the
/// rootfs are followed as the kernel follows them. Unix only.
/// </summary>
public sealed class PhysicalFileSystem : IFileSystem
{
    private readonly string _rootfs;
    private readonly AtomicWriteTemporaries _temporaries = new();

    /// <summary>Roots the file system at <paramref name="rootfs"/>, an absolute directory.</summary>
    public PhysicalFileSystem(string rootfs)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootfs);
        if (!Path.IsPathFullyQualified(rootfs))
        {
            throw new ArgumentException($"rootfs \"{rootfs}\" must be an absolute path", nameof(rootfs));
        }

        _rootfs = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootfs));
    }

    /// <summary>The real directory host path <c>/</c> maps to.</summary>
    public string Rootfs => _rootfs;

    /// <summary>The real path of a host path (after validating and normalizing it).</summary>
    public string ToRealPath(string hostPath) => RealPathOf(HostPathSyntax.Normalize(hostPath));

    /// <inheritdoc/>
    public bool FileExists(string path) => File.Exists(ToRealPath(path));

    /// <inheritdoc/>
    public bool DirectoryExists(string path) => Directory.Exists(ToRealPath(path));

    /// <inheritdoc/>
    public byte[] ReadAllBytes(string path)
    {
        var normalized = HostPathSyntax.Normalize(path);
        var real = RealPathOf(normalized);
        if (Directory.Exists(real))
        {
            throw FileSystemErrors.IsADirectory(normalized);
        }

        try
        {
            return File.ReadAllBytes(real);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw FileSystemErrors.FileNotFound(normalized, exception);
        }
    }

    /// <inheritdoc/>
    public void WriteFile(string path, ReadOnlySpan<byte> content, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw NotSupportedOnWindows();
        }

        var normalized = HostPathSyntax.Normalize(path);
        var real = RealPathOf(normalized);
        if (Directory.Exists(real))
        {
            throw FileSystemErrors.IsADirectory(normalized);
        }

        var parent = HostPathSyntax.GetParent(normalized)!;
        CreateMissingDirectories(parent, FileModes.Directory);
        var realParent = RealPathOf(parent);
        _temporaries.RemoveLeftovers(realParent);
        var temporary = _temporaries.Reserve(Path.Join(realParent, HostPathSyntax.GetName(normalized)));
        try
        {
            WriteNewFile(temporary, content, mode);
            File.Move(temporary, real, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        finally
        {
            _temporaries.Release(temporary);
        }

        DirectorySync.Flush(realParent);
    }

    /// <inheritdoc/>
    public void CreateDirectory(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw NotSupportedOnWindows();
        }

        CreateMissingDirectories(HostPathSyntax.Normalize(path), mode);
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> ListDirectory(string path)
    {
        var normalized = HostPathSyntax.Normalize(path);
        var real = RealPathOf(normalized);
        if (!Directory.Exists(real))
        {
            throw File.Exists(real) ? FileSystemErrors.NotADirectory(normalized) : FileSystemErrors.DirectoryNotFound(normalized);
        }

        return [.. Directory.EnumerateFileSystemEntries(real)
            .Select(entry => HostPathSyntax.Join(normalized, Path.GetFileName(entry)))
            .Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc/>
    public void DeleteFile(string path)
    {
        var normalized = HostPathSyntax.Normalize(path);
        var real = RealPathOf(normalized);
        if (Directory.Exists(real))
        {
            throw FileSystemErrors.IsADirectory(normalized);
        }

        if (File.Exists(real))
        {
            File.Delete(real);
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

        var real = RealPathOf(normalized);
        if (!Directory.Exists(real))
        {
            if (File.Exists(real))
            {
                throw FileSystemErrors.NotADirectory(normalized);
            }

            return;
        }

        if (!recursive && Directory.EnumerateFileSystemEntries(real).Any())
        {
            throw FileSystemErrors.DirectoryNotEmpty(normalized);
        }

        Directory.Delete(real, recursive);
    }

    /// <inheritdoc/>
    public UnixFileMode GetMode(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw NotSupportedOnWindows();
        }

        var normalized = HostPathSyntax.Normalize(path);
        var real = RealPathOf(normalized);
        if (!File.Exists(real) && !Directory.Exists(real))
        {
            throw FileSystemErrors.FileNotFound(normalized);
        }

        return File.GetUnixFileMode(real);
    }

    public void SetOwner(string path, int userId, int groupId)
    {
        var normalized = HostPathSyntax.Normalize(path);
        var real = RealPathOf(normalized);
        if (!File.Exists(real) && !Directory.Exists(real))
        {
            throw FileSystemErrors.FileNotFound(normalized);
        }

        if (Chown(System.Text.Encoding.UTF8.GetBytes(real + "\0"), (uint)userId, (uint)groupId) != 0)
        {
            throw new IOException($"chown {normalized}: {new System.ComponentModel.Win32Exception(System.Runtime.InteropServices.Marshal.GetLastPInvokeError()).Message}");
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int Chown(byte[] path, uint owner, uint group);

    private string RealPathOf(string normalized)
    {
        if (_rootfs.Length == 1)
        {
            return normalized;
        }

        return normalized == HostPathSyntax.Root ? _rootfs : _rootfs + normalized;
    }

    private void CreateMissingDirectories(string normalizedDirectory, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw NotSupportedOnWindows();
        }

        var missing = new Stack<string>();
        foreach (var directory in HostPathSyntax.SelfAndAncestors(normalizedDirectory))
        {
            var real = RealPathOf(directory);
            if (Directory.Exists(real))
            {
                break;
            }

            if (File.Exists(real))
            {
                throw FileSystemErrors.NotADirectory(directory);
            }

            missing.Push(real);
        }

        foreach (var real in missing)
        {
            // Created with the mode (narrowed by the umask, never widened), then set exactly.
            Directory.CreateDirectory(real, mode);
            File.SetUnixFileMode(real, mode);
        }
    }

    private static void WriteNewFile(string realPath, ReadOnlySpan<byte> content, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw NotSupportedOnWindows();
        }

        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            UnixCreateMode = mode,
        };
        using var stream = new FileStream(realPath, options);

        // The umask can only remove bits from UnixCreateMode, so the file is never wider than asked; make it exact
        // before any data is in it.
        if (File.GetUnixFileMode(stream.SafeFileHandle) != mode)
        {
            File.SetUnixFileMode(stream.SafeFileHandle, mode);
        }

        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }

    private static PlatformNotSupportedException NotSupportedOnWindows() =>
        new("kubeadm's host file system needs Unix file modes");
}
