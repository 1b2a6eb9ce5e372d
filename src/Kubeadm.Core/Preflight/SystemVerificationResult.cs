namespace Kubeadm.Core.Preflight;

/// <summary>The SystemVerification outcome and the validators' report lines ("KERNEL_VERSION: 6.1.0"), printed when it fails.</summary>
public sealed record SystemVerificationResult(CheckOutcome Outcome, IReadOnlyList<string> Report);
