namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>
/// The shipped native AOT binary: $KUBEADM_BINARY, else artifacts/publish/kubeadm in the repository (written by
/// `bash scripts/publish.sh`, which scripts/test.sh runs before the tests).
/// </summary>
internal static class PublishedKubeadm
{
    public static string Path =>
        Environment.GetEnvironmentVariable("KUBEADM_BINARY") is { Length: > 0 } binary
            ? binary
            : System.IO.Path.Combine(RepositoryRoot() ?? "/nonexistent", "artifacts", "publish", "kubeadm");

    private static string? RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Kubeadm.slnx")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
