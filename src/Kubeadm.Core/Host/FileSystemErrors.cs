namespace Kubeadm.Core.Host;

/// <summary>The exceptions every <see cref="IFileSystem"/> throws, worded with the host path.</summary>
public static class FileSystemErrors
{
    /// <summary>A file that does not exist.</summary>
    public static FileNotFoundException FileNotFound(string hostPath, Exception? innerException = null) =>
        new($"file \"{hostPath}\" does not exist", hostPath, innerException);

    /// <summary>A directory that does not exist.</summary>
    public static DirectoryNotFoundException DirectoryNotFound(string hostPath, Exception? innerException = null) =>
        new($"directory \"{hostPath}\" does not exist", innerException);

    /// <summary>A file operation on a directory.</summary>
    public static IOException IsADirectory(string hostPath) =>
        new($"\"{hostPath}\" is a directory, not a file");

    /// <summary>A directory operation on (or through) a file.</summary>
    public static IOException NotADirectory(string hostPath) =>
        new($"\"{hostPath}\" is a file, not a directory");

    /// <summary>A non-recursive delete of a directory that still has entries.</summary>
    public static IOException DirectoryNotEmpty(string hostPath) =>
        new($"directory \"{hostPath}\" is not empty");

    /// <summary>An attempt to delete the host root.</summary>
    public static ArgumentException CannotDeleteRoot(string paramName) =>
        new("refusing to delete the root directory \"/\"", paramName);
}
