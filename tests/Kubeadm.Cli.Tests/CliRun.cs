namespace Kubeadm.Cli.Tests;

/// <summary>One command run: its exit code and everything it printed.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error);
