using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kubeadm.Core.Pki;

/// <summary>A certificate and its private key (the key is null for a keyless, external CA).</summary>
public sealed record KeyAndCertificate(X509Certificate2 Certificate, AsymmetricAlgorithm? Key);
