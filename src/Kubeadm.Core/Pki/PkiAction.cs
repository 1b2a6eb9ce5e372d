namespace Kubeadm.Core.Pki;

/// <summary>What a certs sub-phase will do with one certificate or key pair.</summary>
public enum PkiAction
{
    /// <summary>Nothing usable exists: generate a key, issue and write.</summary>
    Generate,

    /// <summary>Valid files exist and match the configuration: keep them untouched.</summary>
    UseExisting,

    /// <summary>
    /// Externally managed: a CA certificate without its key (its leaves were validated), or the sa key pair while the
    /// cluster CA is external. Nothing is generated.
    /// </summary>
    UseExternal,
}
