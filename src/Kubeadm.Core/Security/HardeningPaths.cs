using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Security;

/// <summary>Where the CIS profile keeps the API server's extra configuration files and its audit log.</summary>
public static class HardeningPaths
{
    /// <summary>The directory of the profile's API server configuration files, mounted read-only into the API server.</summary>
    public const string ConfigDirectory = KubeadmConstants.KubernetesDir + "/security";

    public const string EncryptionConfigFile = ConfigDirectory + "/encryption-config.yaml";
    public const string AuditPolicyFile = ConfigDirectory + "/audit-policy.yaml";
    public const string AuthenticationConfigFile = ConfigDirectory + "/authentication-config.yaml";

    /// <summary>The audit log's directory, mounted writable into the API server.</summary>
    public const string AuditLogDirectory = "/var/log/kubernetes/audit";
    public const string AuditLogFile = AuditLogDirectory + "/audit.log";

    public const string ConfigVolume = "kubeadm-security-config";
    public const string AuditLogVolume = "kubeadm-audit-log";
}
