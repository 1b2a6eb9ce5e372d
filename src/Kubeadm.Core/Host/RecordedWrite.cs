namespace Kubeadm.Core.Host;

/// <summary>One file write captured by <see cref="DryRunFileSystem"/>, in the order it happened.</summary>
/// <param name="Path">The normalized host path that would have been written.</param>
/// <param name="Content">The bytes that would have been written.</param>
/// <param name="Mode">The mode the file would have had.</param>
public sealed record RecordedWrite(string Path, ReadOnlyMemory<byte> Content, UnixFileMode Mode);
