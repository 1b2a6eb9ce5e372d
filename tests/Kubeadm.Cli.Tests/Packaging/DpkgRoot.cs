namespace Kubeadm.Cli.Tests.Packaging;

/// <summary>
/// A private dpkg installation root: packages go under <see cref="Root"/> with their own database, so tests install
/// and remove the real .deb with the real dpkg without touching the machine's /usr. The database holds the host's
/// own records of the packages the .deb depends on, so dependencies are checked against what the host really has.
/// </summary>
public sealed class DpkgRoot : IDisposable
{
    private DpkgRoot() => Root = System.IO.Directory.CreateTempSubdirectory("kubeadm-dpkg-root-").FullName;

    public static async Task<DpkgRoot> CreateAsync(string deb)
    {
        var root = new DpkgRoot();
        var info = System.IO.Directory.CreateDirectory(Path.Combine(root.AdminDirectory, "info")).FullName;
        System.IO.Directory.CreateDirectory(Path.Combine(root.AdminDirectory, "updates"));
        await File.WriteAllTextAsync(Path.Combine(root.AdminDirectory, "available"), "");
        var depends = await ToolProcess.CheckedAsync("dpkg-deb", "--show", "--showformat=${Depends}", deb);
        var names = depends.Split(',').Select(d => d.Trim().Split(' ')[0]).Where(n => n.Length > 0).ToArray();
        var status = await ToolProcess.CheckedAsync("dpkg-query", ["--status", .. names]);
        await File.WriteAllTextAsync(Path.Combine(root.AdminDirectory, "status"), status);
        foreach (var stanza in status.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = stanza.Split('\n').Select(l => l.Split(": ", 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
            var listName = fields.GetValueOrDefault("Multi-Arch") == "same" ? $"{fields["Package"]}:{fields["Architecture"]}" : fields["Package"];
            await File.WriteAllTextAsync(Path.Combine(info, listName + ".list"), "");
        }

        return root;
    }

    public string Root { get; }

    public string AdminDirectory => Path.Combine(Root, "var", "lib", "dpkg");

    public string PathOf(string hostPath) => Path.Combine(Root, hostPath.TrimStart('/'));

    /// <summary>dpkg with this root; maintainer scripts run outside a chroot (the root has no shell) with DPKG_ROOT set.</summary>
    public Task<CliRun> DpkgAsync(params string[] arguments) =>
        ToolProcess.RunAsync("dpkg", [$"--instdir={Root}", $"--admindir={AdminDirectory}", "--force-script-chrootless", "--log=/dev/null", .. arguments]);

    public void Dispose() => System.IO.Directory.Delete(Root, recursive: true);
}
