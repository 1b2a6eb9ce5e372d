using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Pki;

/// <summary>A certificate, key or kubeconfig file that exists but cannot be used; the message names the file and the problem.</summary>
public sealed class PkiFileException : KubeadmUserException
{
    public PkiFileException(string path, string problem, Exception? innerException = null)
        : base($"{path}: {problem}", innerException ?? new InvalidOperationException(problem))
    {
        Path = path;
    }

    public PkiFileException()
    {
        Path = "";
    }

    public PkiFileException(string message)
        : base(message)
    {
        Path = "";
    }

    public PkiFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "";
    }

    public string Path { get; }
}
