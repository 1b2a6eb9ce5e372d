using System.Text;

namespace Kubeadm.Core.Host;

/// <summary>Text helpers over <see cref="IFileSystem"/>; text is always UTF-8 without a byte order mark.</summary>
public static class FileSystemExtensions
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Reads a whole file as UTF-8 text.</summary>
    public static string ReadAllText(this IFileSystem fileSystem, string path)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        return Utf8NoBom.GetString(fileSystem.ReadAllBytes(path));
    }

    /// <summary>Writes a whole file as UTF-8 text, atomically and with exactly <paramref name="mode"/>.</summary>
    public static void WriteAllText(this IFileSystem fileSystem, string path, string content, UnixFileMode mode)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(content);
        fileSystem.WriteFile(path, Utf8NoBom.GetBytes(content), mode);
    }
}
