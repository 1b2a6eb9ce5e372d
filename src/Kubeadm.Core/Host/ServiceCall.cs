namespace Kubeadm.Core.Host;

/// <summary>One call recorded by <see cref="RecordingServiceManager"/>.</summary>
/// <param name="Action">What was asked.</param>
/// <param name="Unit">Of which unit.</param>
public sealed record ServiceCall(ServiceAction Action, string Unit);
