using System.Text.Json.Nodes;
using Kubeadm.Core.Host;

namespace Kubeadm.Core.Patches;

/// <summary>
/// The user's --patches directory. It is read on first use (so a run that patches nothing prints nothing, as in
/// kubeadm) and only once; then every patch for the target is applied in file-name order and announced.
/// </summary>
public sealed class DirectoryPatchApplier : IPatchApplier
{
    private readonly IFileSystem _fileSystem;
    private readonly TextWriter _output;
    private PatchSetApplier? _loaded;

    /// <summary>Creates the applier.</summary>
    /// <param name="fileSystem">Where the directory is read (the host, as --rootfs sees it).</param>
    /// <param name="directory">The directory as the user named it.</param>
    /// <param name="output">Where the <c>[patches]</c> lines go.</param>
    public DirectoryPatchApplier(IFileSystem fileSystem, string directory, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(output);
        _fileSystem = fileSystem;
        Directory = directory;
        _output = output;
    }

    /// <summary>The directory as the user named it.</summary>
    public string Directory { get; }

    /// <inheritdoc/>
    public JsonObject Apply(string target, JsonObject document)
    {
        _loaded ??= new PatchSetApplier(PatchDirectoryReader.Read(_fileSystem, Directory, _output), _output);
        return _loaded.Apply(target, document);
    }
}
