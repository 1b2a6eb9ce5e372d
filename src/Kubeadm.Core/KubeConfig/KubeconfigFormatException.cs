using Kubeadm.Core.Errors;

namespace Kubeadm.Core.KubeConfig;

/// <summary>A kubeconfig file that cannot be read; the message names the file and every problem found.</summary>
public sealed class KubeconfigFormatException : KubeadmUserException
{
    public KubeconfigFormatException(string path, IReadOnlyList<string> problems, Exception? innerException = null)
        : base(
            $"failed to load kubeconfig file \"{path}\" that already exists on disk: {string.Join("; ", problems ?? [])}",
            innerException ?? new FormatException(string.Join("; ", problems ?? [])))
    {
        Path = path;
        Problems = problems ?? [];
    }

    public KubeconfigFormatException()
    {
        Path = "";
        Problems = [];
    }

    public KubeconfigFormatException(string message)
        : base(message)
    {
        Path = "";
        Problems = [message];
    }

    public KubeconfigFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "";
        Problems = [message];
    }

    public string Path { get; }

    public IReadOnlyList<string> Problems { get; }
}
