namespace Kubeadm.App.Tests.Host;

/// <summary>Tests that change process-wide state (the umask) run alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialHostTests
{
    public const string Name = "Serial host tests";
}
