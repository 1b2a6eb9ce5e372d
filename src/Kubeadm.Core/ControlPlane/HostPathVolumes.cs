using k8s.Models;

namespace Kubeadm.Core.ControlPlane;

/// <summary>The hostPath volumes and mounts of one static pod, unique by name (a later one with the same name wins).</summary>
public sealed class HostPathVolumes
{
    public const string DirectoryOrCreate = "DirectoryOrCreate";
    public const string FileOrCreate = "FileOrCreate";

    private readonly SortedDictionary<string, V1Volume> _volumes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, V1VolumeMount> _mounts = new(StringComparer.Ordinal);

    /// <summary>Volumes sorted by name.</summary>
    public IReadOnlyList<V1Volume> Volumes => [.. _volumes.Values];

    /// <summary>Mounts sorted by name.</summary>
    public IReadOnlyList<V1VolumeMount> Mounts => [.. _mounts.Values];

    public void Add(string name, string hostPath, string containerPath, bool readOnly, string pathType)
    {
        _volumes[name] = Volume(name, hostPath, pathType);
        _mounts[name] = Mount(name, containerPath, readOnly);
    }

    public static V1Volume Volume(string name, string hostPath, string pathType) => new()
    {
        Name = name,
        HostPath = new V1HostPathVolumeSource { Path = hostPath, Type = pathType },
    };

    /// <summary>A mount; read-write mounts leave readOnly out, as Go's omitempty does.</summary>
    public static V1VolumeMount Mount(string name, string path, bool readOnly) => new()
    {
        Name = name,
        MountPath = path,
        ReadOnlyProperty = readOnly ? true : null,
    };
}
