using Kubeadm.Core.Host;

namespace Kubeadm.Core.Patches;

/// <summary>
/// Reads kubeadm's patch directory: every file under it (sub-directories walked, in name order like Go's
/// filepath.Walk) whose name matches <see cref="PatchFileName"/>, each as one <see cref="PatchSet"/>. Prints what it
/// found and what it ignored the way kubeadm does.
/// </summary>
public static class PatchDirectoryReader
{
    public static IReadOnlyList<PatchSet> Read(IFileSystem fileSystem, string directory, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(output);
        output.Write($"[patches] Reading patches from path \"{directory}\"\n");
        var hostPath = CommandLinePath.Absolute(directory);
        if (!fileSystem.DirectoryExists(hostPath))
        {
            var reason = fileSystem.FileExists(hostPath) ? "not a directory" : "no such file or directory";
            throw new PatchException($"could not list patch files for path \"{directory}\": {reason}");
        }

        var sets = new List<PatchSet>();
        var found = new List<string>();
        var ignored = new List<string>();
        try
        {
            Walk(fileSystem, hostPath, output, sets, found, ignored);
        }
        catch (PatchException e)
        {
            throw new PatchException($"could not list patch files for path \"{directory}\": {e.Message}", e);
        }

        if (found.Count > 0)
        {
            output.Write($"[patches] Found the following patch files: [{string.Join(' ', found)}]\n");
        }

        if (ignored.Count > 0)
        {
            output.Write($"[patches] Ignored the following files: [{string.Join(' ', ignored)}]\n");
        }

        return sets;
    }

    private static void Walk(IFileSystem fileSystem, string directory, TextWriter output, List<PatchSet> sets, List<string> found, List<string> ignored)
    {
        foreach (var path in fileSystem.ListDirectory(directory))
        {
            if (fileSystem.DirectoryExists(path))
            {
                Walk(fileSystem, path, output, sets, found, ignored);
                continue;
            }

            var fileName = Path.GetFileName(path);
            var name = PatchFileName.Parse(fileName, out var ignoreReason);
            if (name is null)
            {
                output.Write($"[patches] Ignoring file \"{fileName}\": {ignoreReason}\n");
                ignored.Add(fileName);
                continue;
            }

            var content = fileSystem.ReadAllBytes(path);
            if (content.Length == 0)
            {
                output.Write($"[patches] Ignoring empty file: \"{fileName}\"\n");
                ignored.Add(fileName);
                continue;
            }

            var patches = PatchDocumentReader.Read(fileName, System.Text.Encoding.UTF8.GetString(content));
            sets.Add(new PatchSet(fileName, name.Target, name.Type, patches));
            found.Add(fileName);
        }
    }
}
