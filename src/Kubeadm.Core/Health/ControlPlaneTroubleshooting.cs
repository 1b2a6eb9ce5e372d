namespace Kubeadm.Core.Health;

/// <summary>The advice kubeadm prints when the kubelet or a control-plane component never became healthy.</summary>
public static class ControlPlaneTroubleshooting
{
    /// <summary>The error kubeadm returns after printing <see cref="Text"/>.</summary>
    public const string FailureMessage = "could not initialize a Kubernetes cluster";

    /// <summary>kubeadm's template filled with the error and the CRI socket, starting and ending with a newline.</summary>
    public static string Text(string error, string criSocket) =>
        "\n" +
        "Unfortunately, an error has occurred:\n" +
        $"\t{error}\n" +
        "\n" +
        "This error is likely caused by:\n" +
        "\t- The kubelet is not running\n" +
        "\t- The kubelet is unhealthy due to a misconfiguration of the node in some way (required cgroups disabled)\n" +
        "\n" +
        "If you are on a systemd-powered system, you can try to troubleshoot the error with the following commands:\n" +
        "\t- 'systemctl status kubelet'\n" +
        "\t- 'journalctl -xeu kubelet'\n" +
        "\n" +
        "Additionally, a control plane component may have crashed or exited when started by the container runtime.\n" +
        "To troubleshoot, list all containers using your preferred container runtimes CLI.\n" +
        "Here is one example how you may list all running Kubernetes containers by using crictl:\n" +
        $"\t- 'crictl --runtime-endpoint {criSocket} ps -a | grep kube | grep -v pause'\n" +
        "\tOnce you have found the failing container, you can inspect its logs with:\n" +
        $"\t- 'crictl --runtime-endpoint {criSocket} logs CONTAINERID'\n";

    /// <summary>
    /// Beyond kubeadm: the causes that most often leave a kubelet or a static Pod unhealthy after `kubeadm init`,
    /// each with the command that confirms or rules it out.
    /// </summary>
    public static string UsualCauses(string criSocket) =>
        "\n" +
        "Usual causes, and how to check them:\n" +
        "\t- cgroup driver mismatch between the kubelet and the container runtime: compare 'cgroupDriver' in /var/lib/kubelet/config.yaml\n" +
        $"\t  with the runtime's (containerd: SystemdCgroup in /etc/containerd/config.toml; 'crictl --runtime-endpoint {criSocket} info | grep -i cgroup')\n" +
        "\t- swap is on and the kubelet refuses to start (failSwapOn): 'swapon --show'; turn it off with 'swapoff -a' or set failSwapOn: false\n" +
        "\t- a port the control plane needs is taken by another process: 'ss -ltnp | grep -E \":(6443|2379|2380|10250|10257|10259)\"'\n" +
        "\t- the control-plane images cannot be pulled (offline or private registry): 'kubeadm config images list', then 'crictl pull' each\n";

    /// <summary>What a failed kubelet probe means, in kubeadm's words.</summary>
    public static string KubeletError(HealthCheckOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var cause = outcome.LastResult switch
        {
            { StatusCode: { } status } => $"status code: {status}",
            { Error: { } error } => $"error: {error}",
            _ => "error: no response",
        };
        return $"The HTTP call equal to 'curl -sSL {outcome.Target.Url}' returned {cause}";
    }

    /// <summary>What a failed component probe means, in kubeadm's words.</summary>
    public static string ComponentError(HealthCheckOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var name = outcome.Target.Name;
        var url = outcome.Target.Url;
        return outcome.LastResult switch
        {
            { StatusCode: { } status } => $"{name} check failed at {url} with status: {status}",
            { Error: { } error } => $"{name} check failed at {url}: {error}",
            _ => $"{name} check failed at {url}: no response",
        };
    }
}
