namespace Kubeadm.Core.Configuration;

/// <summary>One command-line argument (without leading dashes) for a component; v1beta4 allows duplicates.</summary>
public sealed record Arg(string Name, string Value);
