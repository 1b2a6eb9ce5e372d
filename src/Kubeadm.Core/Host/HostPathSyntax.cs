namespace Kubeadm.Core.Host;

/// <summary>
/// Lexical rules for host paths: absolute, '/'-separated, no NUL, and never climbing above <c>/</c> with <c>..</c>.
/// Nothing here touches the disk, so symbolic links are not resolved.
/// </summary>
public static class HostPathSyntax
{
    /// <summary>The host root.</summary>
    public const string Root = "/";

    /// <summary>
    /// Returns the canonical form of an absolute host path: duplicate separators, <c>.</c> and <c>..</c> removed,
    /// no trailing separator. Throws <see cref="ArgumentException"/> for relative paths and paths escaping the root.
    /// </summary>
    public static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path[0] != '/')
        {
            throw new ArgumentException($"path \"{path}\" is not an absolute host path", nameof(path));
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"path \"{path}\" contains a NUL character", nameof(path));
        }

        var segments = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    throw new ArgumentException($"path \"{path}\" escapes the root directory", nameof(path));
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return Root + string.Join('/', segments);
    }

    /// <summary>The parent of a normalized path, or null for the root.</summary>
    public static string? GetParent(string normalizedPath)
    {
        ArgumentNullException.ThrowIfNull(normalizedPath);
        if (normalizedPath == Root)
        {
            return null;
        }

        var lastSeparator = normalizedPath.LastIndexOf('/');
        return lastSeparator == 0 ? Root : normalizedPath[..lastSeparator];
    }

    /// <summary>The last segment of a normalized path (empty for the root).</summary>
    public static string GetName(string normalizedPath)
    {
        ArgumentNullException.ThrowIfNull(normalizedPath);
        return normalizedPath[(normalizedPath.LastIndexOf('/') + 1)..];
    }

    /// <summary>Appends one entry name to a normalized directory path.</summary>
    public static string Join(string normalizedDirectory, string name)
    {
        ArgumentNullException.ThrowIfNull(normalizedDirectory);
        ArgumentNullException.ThrowIfNull(name);
        return normalizedDirectory == Root ? Root + name : normalizedDirectory + "/" + name;
    }

    /// <summary>True when <paramref name="normalizedPath"/> is <paramref name="normalizedAncestor"/> or lies under it.</summary>
    public static bool IsSameOrUnder(string normalizedPath, string normalizedAncestor)
    {
        ArgumentNullException.ThrowIfNull(normalizedPath);
        ArgumentNullException.ThrowIfNull(normalizedAncestor);
        if (normalizedAncestor == Root || string.Equals(normalizedPath, normalizedAncestor, StringComparison.Ordinal))
        {
            return true;
        }

        return normalizedPath.StartsWith(normalizedAncestor + "/", StringComparison.Ordinal);
    }

    /// <summary>The normalized path and each of its ancestors up to the root, nearest first.</summary>
    public static IEnumerable<string> SelfAndAncestors(string normalizedPath)
    {
        for (var current = normalizedPath; current is not null; current = GetParent(current))
        {
            yield return current;
        }
    }
}
