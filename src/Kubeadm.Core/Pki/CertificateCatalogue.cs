namespace Kubeadm.Core.Pki;

/// <summary>
/// Every certificate of a kubeadm control plane, in kubeadm's order (each CA before the leaves it signs), plus the
/// service-account key pair. Phases, help text and tests are all derived from this list.
/// </summary>
public static class CertificateCatalogue
{
    public const string ServiceAccountBaseName = "sa";
    public const string ServiceAccountKeyFileName = "sa.key";
    public const string ServiceAccountPublicKeyFileName = "sa.pub";

    public static CertificateDefinition Ca { get; } = new()
    {
        Name = "ca",
        BaseName = "ca",
        LongName = "self-signed Kubernetes CA to provision identities for other Kubernetes components",
        Purpose = "the cluster's root CA (self-signed), which signs the API server's, the kubelets' and the components' certificates",
        CommonName = "kubernetes",
    };

    public static CertificateDefinition ApiServer { get; } = new()
    {
        Name = "apiserver",
        BaseName = "apiserver",
        LongName = "certificate for serving the Kubernetes API",
        Purpose = "the API server's serving certificate",
        CaName = "ca",
        CommonName = "kube-apiserver",
        ServerAuth = true,
        SanRule = SanRule.ApiServer,
    };

    public static CertificateDefinition ApiServerKubeletClient { get; } = new()
    {
        Name = "apiserver-kubelet-client",
        BaseName = "apiserver-kubelet-client",
        LongName = "certificate for the API server to connect to kubelet",
        Purpose = "the client certificate the API server uses to reach the kubelets",
        CaName = "ca",
        CommonName = "kube-apiserver-kubelet-client",
        Organizations = ["kubeadm:cluster-admins"],
        ClientAuth = true,
    };

    public static CertificateDefinition FrontProxyCa { get; } = new()
    {
        Name = "front-proxy-ca",
        BaseName = "front-proxy-ca",
        LongName = "self-signed CA to provision identities for front proxy",
        Purpose = "the front proxy's CA (self-signed), for requests the API server passes on to extension API servers",
        CommonName = "front-proxy-ca",
        ExternalCaLabel = "front-proxy CA",
    };

    public static CertificateDefinition FrontProxyClient { get; } = new()
    {
        Name = "front-proxy-client",
        BaseName = "front-proxy-client",
        LongName = "certificate for the front proxy client",
        Purpose = "the client certificate the API server presents to extension API servers",
        CaName = "front-proxy-ca",
        CommonName = "front-proxy-client",
        ClientAuth = true,
    };

    public static CertificateDefinition EtcdCa { get; } = new()
    {
        Name = "etcd-ca",
        BaseName = "etcd/ca",
        LongName = "self-signed CA to provision identities for etcd",
        Purpose = "etcd's CA (self-signed), which signs etcd's certificates",
        CommonName = "etcd-ca",
        ExternalCaLabel = "etcd CA",
    };

    // etcd refuses a serving certificate without ClientAuth (etcd-io/etcd#9785), hence both usages.
    public static CertificateDefinition EtcdServer { get; } = new()
    {
        Name = "etcd-server",
        BaseName = "etcd/server",
        LongName = "certificate for serving etcd",
        Purpose = "etcd's serving certificate",
        CaName = "etcd-ca",
        ServerAuth = true,
        ClientAuth = true,
        SanRule = SanRule.EtcdServer,
    };

    public static CertificateDefinition EtcdPeer { get; } = new()
    {
        Name = "etcd-peer",
        BaseName = "etcd/peer",
        LongName = "certificate for etcd nodes to communicate with each other",
        Purpose = "the certificate etcd members use between each other",
        CaName = "etcd-ca",
        ServerAuth = true,
        ClientAuth = true,
        SanRule = SanRule.EtcdPeer,
    };

    public static CertificateDefinition EtcdHealthcheckClient { get; } = new()
    {
        Name = "etcd-healthcheck-client",
        BaseName = "etcd/healthcheck-client",
        LongName = "certificate for liveness probes to healthcheck etcd",
        Purpose = "the client certificate etcd's liveness probe uses",
        CaName = "etcd-ca",
        CommonName = "kube-etcd-healthcheck-client",
        ClientAuth = true,
    };

    public static CertificateDefinition ApiServerEtcdClient { get; } = new()
    {
        Name = "apiserver-etcd-client",
        BaseName = "apiserver-etcd-client",
        LongName = "certificate the apiserver uses to access etcd",
        Purpose = "the client certificate the API server uses to reach etcd",
        CaName = "etcd-ca",
        CommonName = "kube-apiserver-etcd-client",
        ClientAuth = true,
    };

    /// <summary>All certificates in kubeadm's sub-phase order.</summary>
    public static IReadOnlyList<CertificateDefinition> All { get; } =
    [
        Ca, ApiServer, ApiServerKubeletClient,
        FrontProxyCa, FrontProxyClient,
        EtcdCa, EtcdServer, EtcdPeer, EtcdHealthcheckClient, ApiServerEtcdClient,
    ];

    /// <summary>The certificates kubeadm creates: without the etcd PKI when etcd is external.</summary>
    public static IReadOnlyList<CertificateDefinition> For(bool externalEtcd) =>
        externalEtcd ? [.. All.Where(c => !c.IsEtcd)] : All;

    public static CertificateDefinition ByName(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal))
            ?? throw new ArgumentException($"no certificate named \"{name}\"", nameof(name));

    /// <summary>The CA that signs <paramref name="leaf"/>.</summary>
    public static CertificateDefinition CaOf(CertificateDefinition leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        return leaf.CaName is { } caName
            ? ByName(caName)
            : throw new ArgumentException($"certificate \"{leaf.Name}\" is a CA", nameof(leaf));
    }

    /// <summary>The leaves a CA signs, in catalogue order.</summary>
    public static IReadOnlyList<CertificateDefinition> LeavesOf(CertificateDefinition ca, bool externalEtcd) =>
        [.. For(externalEtcd).Where(c => string.Equals(c.CaName, ca?.Name, StringComparison.Ordinal))];
}
