namespace Kubeadm.Core.Host;

/// <summary>
/// The host file system as kubeadm sees it. Every path is an absolute host path as kubeadm names it
/// (for example <c>/etc/kubernetes/pki/ca.crt</c>); an implementation maps it onto <c>--rootfs</c>,
/// an in-memory tree or a dry-run overlay. Callers never prefix the rootfs themselves.
/// Relative paths and paths that climb above <c>/</c> with <c>..</c> throw <see cref="ArgumentException"/>.
/// </summary>
public interface IFileSystem
{
    /// <summary>True when <paramref name="path"/> is an existing regular file.</summary>
    bool FileExists(string path);

    /// <summary>True when <paramref name="path"/> is an existing directory.</summary>
    bool DirectoryExists(string path);

    /// <summary>Reads a whole file; a missing file throws <see cref="FileNotFoundException"/> naming the host path.</summary>
    byte[] ReadAllBytes(string path);

    /// <summary>
    /// Writes a whole file atomically with exactly <paramref name="mode"/> (the file never exists with a wider mode
    /// nor half written), replacing any existing file. Missing parent directories are created with 0755.
    /// </summary>
    void WriteFile(string path, ReadOnlySpan<byte> content, UnixFileMode mode);

    /// <summary>
    /// Creates the directory and any missing parents, each with exactly <paramref name="mode"/> (like <c>mkdir -p</c>).
    /// Directories that already exist keep their mode.
    /// </summary>
    void CreateDirectory(string path, UnixFileMode mode);

    /// <summary>The entries (files and directories) directly inside a directory, as full host paths, sorted ordinally.</summary>
    IReadOnlyList<string> ListDirectory(string path);

    /// <summary>Deletes a file; a missing file is not an error.</summary>
    void DeleteFile(string path);

    /// <summary>
    /// Deletes a directory (and everything under it when <paramref name="recursive"/>); a missing directory is not an error.
    /// A non-empty directory without <paramref name="recursive"/> throws <see cref="IOException"/>.
    /// </summary>
    void DeleteDirectory(string path, bool recursive);

    /// <summary>The permission bits of an existing file or directory.</summary>
    UnixFileMode GetMode(string path);

    /// <summary>Changes a file's or directory's owner (chown); used only by the CIS profile for etcd's data.</summary>
    void SetOwner(string path, int userId, int groupId);
}
