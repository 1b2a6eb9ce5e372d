using System.CommandLine;
using Kubeadm.Cli.Parsing;

namespace Kubeadm.Cli.Commands;

/// <summary>Flags every kubeadm command accepts: --rootfs and the log level -v.</summary>
public sealed class GlobalFlags
{
    public Option<string> Rootfs { get; } = new("--rootfs")
    {
        Description = "The path to the 'real' host root filesystem. This will cause kubeadm to chroot into the provided path.",
        Recursive = true,
    };

    public Option<int> Verbosity { get; } = PflagOptions.Level("--v", "-v", "number for the log level verbosity");
}
