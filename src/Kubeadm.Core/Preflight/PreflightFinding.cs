namespace Kubeadm.Core.Preflight;

/// <summary>One message a check reported; <see cref="IsFatal"/> is false for warnings and for ignored errors.</summary>
public sealed record PreflightFinding(string CheckName, string Message, bool IsFatal);
