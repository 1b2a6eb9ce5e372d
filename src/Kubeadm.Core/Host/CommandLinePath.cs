namespace Kubeadm.Core.Host;

/// <summary>A path given on the command line: a relative one is relative to the working directory, as for kubeadm.</summary>
public static class CommandLinePath
{
    public static string Absolute(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.StartsWith('/') ? path : Path.GetFullPath(path);
    }
}
