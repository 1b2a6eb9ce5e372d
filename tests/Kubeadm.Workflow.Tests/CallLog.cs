namespace Kubeadm.Workflow.Tests;

/// <summary>The test workflow context: records which phase actions ran, in order.</summary>
public sealed class CallLog
{
    public List<string> Calls { get; } = [];
}
