using System.Collections.Immutable;
using Kubeadm.App.Init;
using Kubeadm.Workflow;

namespace Kubeadm.App.Certs;

/// <summary>The sub-phases of `kubeadm init phase certs`, in kubeadm's order (sa last).</summary>
public static class CertsPhases
{
    public static ImmutableArray<Phase<InitContext>> Create()
    {
        var pki = new InitPhaseTree.Capability("certificate and key generation", "PKI and kubeconfig phases");
        (string Name, string Short, string[] Flags)[] certs =
        [
            ("ca", "Generate the self-signed Kubernetes CA to provision identities for other Kubernetes components", InitPhaseTree.CertFlags),
            ("apiserver", "Generate the certificate for serving the Kubernetes API", InitPhaseTree.ApiServerCertFlags),
            ("apiserver-kubelet-client", "Generate the certificate for the API server to connect to kubelet", InitPhaseTree.CertFlags),
            ("front-proxy-ca", "Generate the self-signed CA to provision identities for front proxy", InitPhaseTree.CertFlags),
            ("front-proxy-client", "Generate the certificate for the front proxy client", InitPhaseTree.CertFlags),
            ("etcd-ca", "Generate the self-signed CA to provision identities for etcd", InitPhaseTree.CertFlags),
            ("etcd-server", "Generate the certificate for serving etcd", InitPhaseTree.EtcdCertFlags),
            ("etcd-peer", "Generate the certificate for etcd nodes to communicate with each other", InitPhaseTree.EtcdCertFlags),
            ("etcd-healthcheck-client", "Generate the certificate for liveness probes to healthcheck etcd", InitPhaseTree.CertFlags),
            ("apiserver-etcd-client", "Generate the certificate the apiserver uses to access etcd", InitPhaseTree.CertFlags),
            ("sa", "Generate a private key for signing service account tokens along with its public key", ["cert-dir", "config", "dry-run"]),
        ];
        return [.. certs.Select(c => InitPhaseTree.Leaf(c.Name, c.Short, pki, c.Flags))];
    }
}
