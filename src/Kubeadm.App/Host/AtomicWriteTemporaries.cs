using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Kubeadm.App.Host;

/// <summary>
/// The temp files of atomic writes (<c>.&lt;name&gt;.&lt;random&gt;.tmp</c> beside the target). A process killed between
/// creating one and renaming it leaves it behind, possibly holding key material; the first write into a directory in
/// a later run removes such leftovers. Temp files this process is writing right now are never touched.
/// </summary>
public sealed partial class AtomicWriteTemporaries
{
    private readonly ConcurrentDictionary<string, byte> _sweptDirectories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);

    /// <summary>A fresh temp path beside <paramref name="realTarget"/>, registered as in flight until <see cref="Release"/>.</summary>
    public string Reserve(string realTarget)
    {
        var directory = Path.GetDirectoryName(realTarget)!;
        var temporary = Path.Join(directory, "." + Path.GetFileName(realTarget) + "." + Path.GetRandomFileName() + ".tmp");
        _inFlight[temporary] = 0;
        return temporary;
    }

    public void Release(string temporary) => _inFlight.TryRemove(temporary, out _);

    /// <summary>Once per directory and run: deletes the temp files earlier interrupted writes left in it.</summary>
    public void RemoveLeftovers(string realDirectory)
    {
        if (!_sweptDirectories.TryAdd(realDirectory, 0) || !Directory.Exists(realDirectory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(realDirectory, ".*.tmp"))
        {
            if (IsTemporaryName(Path.GetFileName(file)) && !_inFlight.ContainsKey(file))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>True for names of the <c>.&lt;name&gt;.xxxxxxxx.xxx.tmp</c> shape <see cref="Reserve"/> makes.</summary>
    public static bool IsTemporaryName(string fileName) => TemporaryName().IsMatch(fileName);

    [GeneratedRegex(@"^\..+\.[a-z0-9]{8}\.[a-z0-9]{3}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryName();
}
