namespace Kubeadm.Core.Configuration;

/// <summary>kube-apiserver settings: the common component settings plus extra serving-certificate SANs.</summary>
public sealed class ApiServer : ControlPlaneComponent
{
    public List<string> CertSans { get; set; } = [];
}
