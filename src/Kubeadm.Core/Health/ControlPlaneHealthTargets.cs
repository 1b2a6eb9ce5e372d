using System.Globalization;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Constants;
using Kubeadm.Core.ControlPlane;
using YamlDotNet.Core;

namespace Kubeadm.Core.Health;

/// <summary>
/// Where wait-control-plane checks each component, read from the static pod manifests as kubeadm does: the address
/// and port flags found in the component's command win over kubeadm's defaults (the API server's advertise address
/// and 6443, 127.0.0.1:10257 for the controller-manager, 127.0.0.1:10259 for the scheduler).
/// </summary>
public static class ControlPlaneHealthTargets
{
    private sealed record Component(string Name, string AddressFlag, string DefaultPort, string Path);

    private static readonly Component[] Components =
    [
        new(ComponentNames.ApiServer, "advertise-address", Port(KubeadmConstants.DefaultApiServerBindPort), "livez"),
        new(ComponentNames.ControllerManager, "bind-address", Port(KubeadmConstants.KubeControllerManagerPort), "healthz"),
        new(ComponentNames.Scheduler, "bind-address", Port(KubeadmConstants.KubeSchedulerPort), "livez"),
    ];

    /// <summary>The components in kubeadm's order.</summary>
    public static IReadOnlyList<string> ComponentOrder { get; } = [.. Components.Select(c => c.Name)];

    /// <summary>The kubelet's healthz URL; null when the port is 0 (kubeadm then skips the check).</summary>
    public static HealthCheckTarget? Kubelet(string bindAddress, int port) =>
        port == 0 ? null : new HealthCheckTarget("kubelet", new Uri($"http://{JoinHostPort(bindAddress, Port(port))}/healthz"));

    /// <param name="manifestYaml">Each component's manifest text (null when the file could not be read).</param>
    /// <param name="apiServerAdvertiseAddress">The default address for the API server.</param>
    /// <exception cref="FormatException">A manifest is missing, unreadable or has no command for its component; every problem is listed.</exception>
    public static IReadOnlyList<HealthCheckTarget> FromManifests(IReadOnlyDictionary<string, string?> manifestYaml, string apiServerAdvertiseAddress)
    {
        ArgumentNullException.ThrowIfNull(manifestYaml);
        var errors = new List<string>();
        var targets = new List<HealthCheckTarget>();
        foreach (var component in Components)
        {
            var address = component.Name == ComponentNames.ApiServer ? apiServerAdvertiseAddress : "127.0.0.1";
            var port = component.DefaultPort;
            var command = CommandOf(manifestYaml.GetValueOrDefault(component.Name), component.Name, errors);
            if (command is not null)
            {
                address = FlagValue(command, component.AddressFlag) is { Length: > 0 } givenAddress ? givenAddress : address;
                port = FlagValue(command, "secure-port") is { Length: > 0 } givenPort ? givenPort : port;
            }

            targets.Add(new HealthCheckTarget(component.Name, new Uri($"https://{JoinHostPort(address, port)}/{component.Path}")));
        }

        return errors.Count == 0
            ? targets
            : throw new FormatException("could not parse the address and port of all control plane components: " + Aggregate(errors));
    }

    /// <summary>Go's utilerrors aggregate text: one error alone, several as "[a, b]".</summary>
    public static string Aggregate(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 1 ? errors[0] : "[" + string.Join(", ", errors) + "]";
    }

    private static List<string>? CommandOf(string? yaml, string name, List<string> errors)
    {
        if (yaml is null)
        {
            errors.Add($"got nil Pod for component \"{name}\"");
            return null;
        }

        YamlTreeNode? root;
        try
        {
            root = YamlTreeReader.ReadDocuments(yaml).FirstOrDefault();
        }
        catch (YamlException e)
        {
            errors.Add($"could not parse the manifest of \"{name}\": {e.Message}");
            return null;
        }

        var containers = Field(Field(root, "spec"), "containers") as YamlTreeSequence;
        foreach (var container in containers?.Items ?? [])
        {
            var command = (Field(container, "command") as YamlTreeSequence)?.Items
                .Select(item => (item as YamlTreeScalar)?.Value ?? "")
                .ToList();
            if (command is { Count: > 0 } && command[0] == name)
            {
                return command;
            }
        }

        errors.Add($"the Pod has no container command starting with \"{name}\"");
        return null;
    }

    /// <summary>The value of "--flag=value" (or "--flag value"); the last occurrence wins, as in kubeadm.</summary>
    private static string? FlagValue(List<string> command, string flag)
    {
        string? value = null;
        foreach (var raw in command)
        {
            var line = raw.Trim();
            if (!line.StartsWith("--" + flag, StringComparison.Ordinal) && !line.StartsWith("-" + flag, StringComparison.Ordinal))
            {
                continue;
            }

            var separator = line.IndexOf('=', StringComparison.Ordinal);
            if (separator < 0)
            {
                separator = line.IndexOf(' ', StringComparison.Ordinal);
            }

            value = separator < 0 ? "" : line[(separator + 1)..];
        }

        return value;
    }

    private static YamlTreeNode? Field(YamlTreeNode? node, string name) =>
        node is YamlTreeMapping mapping
            ? mapping.Entries.FirstOrDefault(entry => entry.Key is YamlTreeScalar key && key.Value == name).Value
            : null;

    private static string JoinHostPort(string host, string port) =>
        host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
