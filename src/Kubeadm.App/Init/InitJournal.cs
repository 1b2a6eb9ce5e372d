using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Init;

/// <summary>What a run changed: the files it wrote and the API objects it created or changed (for `init -o json`).</summary>
public sealed class InitJournal
{
    private readonly List<RecordingClusterApi> _apis = [];
    private readonly Lock _lock = new();
    private RecordingFileSystem? _files;

    /// <summary>Wraps the run's file system so its writes are recorded.</summary>
    public IFileSystem Track(IFileSystem fileSystem)
    {
        _files = new RecordingFileSystem(fileSystem);
        return _files;
    }

    /// <summary>Wraps a cluster client so its changes are recorded.</summary>
    public IClusterApi Track(IClusterApi api)
    {
        var recording = new RecordingClusterApi(api);
        lock (_lock)
        {
            _apis.Add(recording);
        }

        return recording;
    }

    public IReadOnlyList<string> FilesWritten => _files?.Written ?? [];

    public IReadOnlyList<ApiRequest> ObjectsChanged
    {
        get
        {
            lock (_lock)
            {
                return [.. _apis.SelectMany(api => api.Changes).Distinct()];
            }
        }
    }
}
