namespace Kubeadm.Core.Security;

/// <summary>
/// The audit policy of the CIS profile: every request is logged at least with its metadata (who, what, when, result);
/// writes also with their request body, except Secrets, ConfigMaps and token reviews, whose bodies hold credentials
/// and are never logged. Health probes are left out, as they would drown everything else.
/// </summary>
public static class AuditPolicyFile
{
    public const string Content = """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages:
        - RequestReceived
        rules:
        - level: None
          nonResourceURLs:
          - /healthz*
          - /livez*
          - /readyz*
        - level: Metadata
          resources:
          - group: ""
            resources:
            - secrets
            - configmaps
          - group: authentication.k8s.io
            resources:
            - tokenreviews
          - group: certificates.k8s.io
            resources:
            - certificatesigningrequests
        - level: Request
          verbs:
          - create
          - update
          - patch
          - delete
          - deletecollection
        - level: Metadata

        """;
}
