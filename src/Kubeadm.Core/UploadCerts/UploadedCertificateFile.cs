namespace Kubeadm.Core.UploadCerts;

/// <summary>One file upload-certs carries: its data key in the kubeadm-certs Secret and where it is read from ("" = none).</summary>
public sealed record UploadedCertificateFile(string DataKey, string Path);
