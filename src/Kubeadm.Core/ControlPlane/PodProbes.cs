using k8s.Models;

namespace Kubeadm.Core.ControlPlane;

/// <summary>The HTTP probes kubeadm gives its static pods; they target the container's named probe port.</summary>
public static class PodProbes
{
    /// <summary>The name of the container port every probe uses.</summary>
    public const string PortName = "probe-port";

    private const int StartupPeriodSeconds = 10;

    /// <summary>The container port the probes refer to by name.</summary>
    public static V1ContainerPort Port(int containerPort) => new()
    {
        ContainerPort = containerPort,
        Name = PortName,
        Protocol = "TCP",
    };

    public static V1Probe Liveness(string host, string path, string scheme) => Http(host, path, scheme, 10, 15, 8, 10);

    public static V1Probe Readiness(string host, string path, string scheme) => Http(host, path, scheme, 0, 15, 3, 1);

    /// <summary>A startup probe that keeps failing for the whole control-plane health-check timeout before giving up.</summary>
    public static V1Probe Startup(string host, string path, string scheme, TimeSpan healthCheckTimeout)
    {
        var failureThreshold = (int)Math.Ceiling(healthCheckTimeout.TotalSeconds / StartupPeriodSeconds);
        return Http(host, path, scheme, StartupPeriodSeconds, 15, failureThreshold, StartupPeriodSeconds);
    }

    // Go leaves zero-valued int fields and an empty host out of the YAML, so they stay null here.
    private static V1Probe Http(string host, string path, string scheme, int initialDelay, int timeout, int failureThreshold, int period) => new()
    {
        HttpGet = new V1HTTPGetAction
        {
            Host = host.Length > 0 ? host : null,
            Path = path,
            Port = PortName,
            Scheme = scheme,
        },
        InitialDelaySeconds = initialDelay != 0 ? initialDelay : null,
        TimeoutSeconds = timeout,
        FailureThreshold = failureThreshold,
        PeriodSeconds = period,
    };
}
