using System.Text;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>The last lines of every *.log in a directory (shared for reading while the writers still run), for failure messages.</summary>
internal static class ComponentLogs
{
    public static string Tails(string directory, int lines, string prefix = "")
    {
        var text = new StringBuilder();
        foreach (var log in Directory.GetFiles(directory, "*.log").Order(StringComparer.Ordinal))
        {
            text.Append("----- ").Append(prefix).AppendLine(log);
            try
            {
                using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                text.AppendLine(string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines)));
            }
            catch (IOException e)
            {
                text.AppendLine($"(unreadable: {e.Message})");
            }
        }

        return text.ToString();
    }
}
