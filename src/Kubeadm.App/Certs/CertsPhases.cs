using System.Collections.Immutable;
using Kubeadm.App.Init;
using Kubeadm.Core.Pki;
using Kubeadm.Workflow;

namespace Kubeadm.App.Certs;

/// <summary>The sub-phases of `kubeadm init phase certs`, derived from the certificate catalogue, in kubeadm's order (sa last).</summary>
public static class CertsPhases
{
    /// <summary>The run of the `certs` parent phase: announces the directory and starts generating the needed keys.</summary>
    public static Func<InitContext, CancellationToken, Task> RunParent { get; } = CertsPhaseActions.AnnounceAndPrestartKeys;

    public static ImmutableArray<Phase<InitContext>> Create()
    {
        var certificates = CertificateCatalogue.All.Select(definition => new Phase<InitContext>
        {
            Name = definition.Name,
            Short = CertificateHelp.ShortFor(definition),
            Long = CertificateHelp.LongFor(definition),
            InheritFlags = [.. FlagsFor(definition).Order(StringComparer.Ordinal)],
            Run = definition.IsCa
                ? (context, _) => CertsPhaseActions.RunCa(context, definition)
                : (context, _) => CertsPhaseActions.RunLeaf(context, definition),
        });
        var serviceAccount = new Phase<InitContext>
        {
            Name = CertificateCatalogue.ServiceAccountBaseName,
            Short = CertificateHelp.ServiceAccountShort,
            Long = CertificateHelp.ServiceAccountLong,
            InheritFlags = ["cert-dir", "config", "dry-run"],
            Run = (context, _) => CertsPhaseActions.RunServiceAccount(context),
        };
        return [.. certificates, serviceAccount];
    }

    private static string[] FlagsFor(CertificateDefinition definition) => definition.SanRule switch
    {
        SanRule.ApiServer => InitPhaseTree.ApiServerCertFlags,
        SanRule.EtcdServer or SanRule.EtcdPeer => InitPhaseTree.EtcdCertFlags,
        _ => InitPhaseTree.CertFlags,
    };
}
