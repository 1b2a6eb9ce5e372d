namespace Kubeadm.Core.Configuration;

/// <summary>A stacked etcd that kubeadm runs as a static pod on this node.</summary>
public sealed class LocalEtcd
{
    public string ImageRepository { get; set; } = "";

    public string ImageTag { get; set; } = "";

    public string DataDir { get; set; } = "";

    public List<Arg> ExtraArgs { get; set; } = [];

    public List<EnvVar> ExtraEnvs { get; set; } = [];

    public List<string> ServerCertSans { get; set; } = [];

    public List<string> PeerCertSans { get; set; } = [];
}
