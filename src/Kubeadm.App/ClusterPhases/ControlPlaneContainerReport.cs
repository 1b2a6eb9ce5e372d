using System.Globalization;
using System.Text;
using Kubeadm.Core.Host;
using Kubeadm.Core.Runtime;

namespace Kubeadm.App.ClusterPhases;

/// <summary>
/// What a failed wait-control-plane shows before kubeadm's crictl hint: the control-plane containers as the runtime
/// reports them (state, restart count, exit code) and the last lines of each failing component's newest container log.
/// </summary>
public static class ControlPlaneContainerReport
{
    public const int LogLines = 20;

    private static readonly string[] Components = ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"];

    public static async Task<string> BuildAsync(
        IContainerRuntime runtime, IFileSystem fileSystem, IReadOnlyCollection<string> failingComponents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(failingComponents);
        var text = new StringBuilder();
        IReadOnlyList<ContainerSummary> containers;
        try
        {
            containers = await runtime.ListContainersAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ContainerRuntimeException e)
        {
            return $"[control-plane-check] Could not list the control-plane containers: {e.Message}\n";
        }

        var newest = containers
            .Where(c => c.PodNamespace == "kube-system" && Components.Contains(c.Name, StringComparer.Ordinal))
            .GroupBy(c => c.Name, StringComparer.Ordinal)
            .Select(group => group.OrderByDescending(c => c.CreatedAtNanoseconds).First())
            .OrderBy(c => Array.IndexOf(Components, c.Name))
            .ToList();
        if (newest.Count == 0)
        {
            return $"[control-plane-check] The container runtime at \"{runtime.Endpoint}\" runs no control-plane containers (kube-system: {string.Join(", ", Components)})\n";
        }

        var details = new List<(ContainerSummary Summary, ContainerDetails? Details)>();
        foreach (var container in newest)
        {
            try
            {
                details.Add((container, await runtime.ContainerStatusAsync(container.Id, cancellationToken).ConfigureAwait(false)));
            }
            catch (ContainerRuntimeException)
            {
                details.Add((container, null));
            }
        }

        text.Append("[control-plane-check] Control-plane containers as the container runtime reports them:\n");
        text.Append(CultureInfo.InvariantCulture, $"\t{"CONTAINER",-14}{"NAME",-25}{"STATE",-9}{"RESTARTS",-10}{"EXIT CODE",-10}POD\n");
        foreach (var (summary, status) in details)
        {
            var state = (status?.State ?? summary.State).ToString();
            var restarts = status?.RestartCount.ToString(CultureInfo.InvariantCulture) ?? summary.Attempt.ToString(CultureInfo.InvariantCulture);
            var exit = status is { State: ContainerRunState.Exited } ? status.ExitCode.ToString(CultureInfo.InvariantCulture) : "-";
            text.Append(CultureInfo.InvariantCulture, $"\t{Short(summary.Id),-14}{summary.Name,-25}{state,-9}{restarts,-10}{exit,-10}{summary.PodNamespace}/{summary.PodName}\n");
        }

        foreach (var (summary, status) in details.Where(d => failingComponents.Contains(d.Summary.Name)))
        {
            if (status is null || status.LogPath.Length == 0)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"[control-plane-check] Last lines of the {summary.Name} log (container {Short(summary.Id)}, {status.LogPath}):\n");
            foreach (var line in LastLines(fileSystem, status.LogPath))
            {
                text.Append('\t').Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The message part of the last lines of a CRI log ("&lt;time&gt; &lt;stream&gt; &lt;P|F&gt; &lt;message&gt;").</summary>
    public static IReadOnlyList<string> LastLines(IFileSystem fileSystem, string logPath)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        string content;
        try
        {
            content = fileSystem.ReadAllText(logPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [$"(cannot read {logPath}: {e.Message})"];
        }

        return [.. content.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(LogLines).Select(MessageOf)];
    }

    private static string MessageOf(string line)
    {
        var parts = line.Split(' ', 4);
        return parts.Length == 4 && parts[1] is "stdout" or "stderr" && parts[2] is "F" or "P" ? parts[3] : line;
    }

    private static string Short(string id) => id.Length > 13 ? id[..13] : id;
}
