namespace Kubeadm.Core.Configuration;

/// <summary>How this node registers with the cluster (nodeRegistration).</summary>
public sealed class NodeRegistrationOptions
{
    public string Name { get; set; } = "";

    public string CriSocket { get; set; } = "";

    /// <summary>Null means unset (defaulted to the control-plane NoSchedule taint); an empty list means "no taints".</summary>
    public List<Taint>? Taints { get; set; }

    public List<Arg> KubeletExtraArgs { get; set; } = [];

    public List<string> IgnorePreflightErrors { get; set; } = [];

    /// <summary>"", Always, IfNotPresent or Never.</summary>
    public string ImagePullPolicy { get; set; } = "";

    /// <summary>Null means unset (defaulted to true).</summary>
    public bool? ImagePullSerial { get; set; }
}
