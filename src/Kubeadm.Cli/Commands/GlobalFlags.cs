using System.CommandLine;
using Kubeadm.Cli.Parsing;

namespace Kubeadm.Cli.Commands;

/// <summary>Flags every kubeadm command accepts: --rootfs and the log level -v.</summary>
public sealed class GlobalFlags
{
    public Option<string> Rootfs { get; } = new("--rootfs")
    {
        Description = "Treat this directory as the host's root: every host file kubeadm reads or writes is taken under it (e.g. <dir>/etc/kubernetes).",
        Recursive = true,
    };

    public Option<int> Verbosity { get; } = PflagOptions.Level("--v", "-v", "How much to log: 0 (default) prints the usual lines, 1 adds phase timings and more detail, 5 adds stack traces to errors.");

    /// <summary>Every name of these flags: each takes a value, which may be the next word.</summary>
    public IReadOnlyCollection<string> Names => [Rootfs.Name, .. Rootfs.Aliases, Verbosity.Name, .. Verbosity.Aliases];
}
