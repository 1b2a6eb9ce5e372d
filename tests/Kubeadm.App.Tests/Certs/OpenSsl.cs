using System.Diagnostics;

namespace Kubeadm.App.Tests.Certs;

/// <summary>Runs the real /usr/bin/openssl (or openssl on PATH) and returns its exit code and output.</summary>
internal static class OpenSsl
{
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var info = new ProcessStartInfo(File.Exists("/usr/bin/openssl") ? "/usr/bin/openssl" : "openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("openssl did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.GetAwaiter().GetResult());
    }

    public static string Ok(params string[] arguments)
    {
        var (exitCode, output) = Run(arguments);
        Assert.True(exitCode == 0, $"openssl {string.Join(' ', arguments)} failed ({exitCode}): {output}");
        return output;
    }
}
