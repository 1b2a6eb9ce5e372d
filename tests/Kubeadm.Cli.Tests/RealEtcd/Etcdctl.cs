using System.Diagnostics;

namespace Kubeadm.Cli.Tests.RealEtcd;

/// <summary>Runs etcdctl (v3 API) against the test etcd (or <paramref name="Endpoint"/>) with a given client certificate.</summary>
internal sealed record Etcdctl(string PkiDir, string? CertName, string? Endpoint = null)
{
    public const string Binary = "/usr/bin/etcdctl";

    public async Task<(int ExitCode, string Output)> RunAsync(params string[] command)
    {
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["ETCDCTL_API"] = "3";
        string[] connection =
        [
            "--endpoints", Endpoint ?? $"https://127.0.0.1:{EtcdProcess.ClientPort}", "--dial-timeout", "3s", "--command-timeout", "5s",
            "--cacert", Path.Combine(PkiDir, "etcd/ca.crt"),
        ];
        foreach (var argument in connection)
        {
            start.ArgumentList.Add(argument);
        }

        if (CertName is not null)
        {
            start.ArgumentList.Add("--cert");
            start.ArgumentList.Add(Path.Combine(PkiDir, CertName + ".crt"));
            start.ArgumentList.Add("--key");
            start.ArgumentList.Add(Path.Combine(PkiDir, CertName + ".key"));
        }

        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
