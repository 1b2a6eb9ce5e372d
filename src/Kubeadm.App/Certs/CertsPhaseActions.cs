using Kubeadm.App.Init;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.Certs;

/// <summary>
/// The work of `kubeadm init phase certs` and its sub-phases: plan each certificate from what is on disk, then
/// generate and write only what is missing, printing kubeadm's console lines. Keys come from the run's key pool,
/// which the parent phase fills in parallel for every file the selected sub-phases will create.
/// </summary>
internal static class CertsPhaseActions
{
    public static Task AnnounceAndPrestartKeys(InitContext context, CancellationToken cancellationToken)
    {
        context.Out.WriteLine($"[certs] Using certificateDir folder \"{WriteDirectory(context)}\"");
        context.Pki.StartKeys(KeyGroup, KeysToGenerate(context, subPhase => !IsSkipped(context, subPhase)));
        return Task.CompletedTask;
    }

    /// <summary>The name under which <see cref="PkiRunState.StartKeys"/> records that the certificates' keys were started.</summary>
    public const string KeyGroup = "certs";

    /// <summary>
    /// The keys the certs sub-phases for which <paramref name="runs"/> is true will generate, in the order they take
    /// them: only for files that do not exist yet and are not signed by an external CA.
    /// </summary>
    public static IEnumerable<KeyRequest> KeysToGenerate(InitContext context, Func<string, bool> runs)
    {
        var planner = Planner(context);
        var algorithm = CertificateSpecs.KeyAlgorithmOf(context.Config);
        foreach (var definition in CertificateCatalogue.For(context.IsExternalEtcd))
        {
            if (runs(definition.Name) && planner.NeedsNewKey(definition))
            {
                yield return new KeyRequest(definition.BaseName, algorithm);
            }
        }

        if (runs(CertificateCatalogue.ServiceAccountBaseName) && !planner.IsExternal(CertificateCatalogue.Ca)
            && !Directory(context).Exists(CertificateCatalogue.ServiceAccountKeyFileName))
        {
            yield return new KeyRequest(CertificateCatalogue.ServiceAccountBaseName, algorithm);
        }
    }

    public static Task RunCa(InitContext context, CertificateDefinition ca)
    {
        if (context.IsExternalEtcd && ca.IsEtcd)
        {
            context.Out.WriteLine($"[certs] External etcd mode: Skipping {ca.BaseName} certificate authority generation");
            return Task.CompletedTask;
        }

        var plan = Planner(context).PlanCa(ca);
        ShowWarnings(context, plan);
        switch (plan.Action)
        {
            case PkiAction.UseExisting:
                context.Out.WriteLine($"[certs] Using existing {ca.BaseName} certificate authority");
                Reused(context, ca.CertificateFileName, ca.KeyFileName);
                break;
            case PkiAction.UseExternal:
                context.Out.WriteLine($"[certs] Using existing {ca.BaseName} keyless certificate authority");
                Reused(context, ca.CertificateFileName);
                break;
            default:
                Generate(context, plan);
                break;
        }

        return Task.CompletedTask;
    }

    public static Task RunLeaf(InitContext context, CertificateDefinition leaf)
    {
        if (context.IsExternalEtcd && leaf.IsEtcd)
        {
            context.Out.WriteLine($"[certs] External etcd mode: Skipping {leaf.BaseName} certificate generation");
            return Task.CompletedTask;
        }

        var plan = Planner(context).PlanLeaf(leaf);
        ShowWarnings(context, plan);
        if (plan.Action == PkiAction.UseExisting)
        {
            context.Out.WriteLine($"[certs] Using existing {leaf.BaseName} certificate and key on disk");
            Reused(context, leaf.CertificateFileName, leaf.KeyFileName);
            return Task.CompletedTask;
        }

        Generate(context, plan);
        if (leaf.ServerAuth)
        {
            var altNames = new AltNames(plan.Spec.DnsNames, plan.Spec.IpAddresses);
            context.Out.WriteLine($"[certs] {leaf.BaseName} serving cert is signed for {altNames.Describe()}");
        }

        return Task.CompletedTask;
    }

    public static Task RunServiceAccount(InitContext context)
    {
        var name = CertificateCatalogue.ServiceAccountBaseName;
        switch (Planner(context).PlanServiceAccount())
        {
            case PkiAction.UseExternal:
                context.Out.WriteLine($"[certs] Using existing {name} keys");
                break;
            case PkiAction.UseExisting:
                context.Out.WriteLine($"[certs] Using the existing \"{name}\" key");
                Reused(context, CertificateCatalogue.ServiceAccountKeyFileName, CertificateCatalogue.ServiceAccountPublicKeyFileName);
                break;
            default:
                var key = context.Pki.Keys.Take(name, CertificateSpecs.KeyAlgorithmOf(context.Config));
                context.Out.WriteLine($"[certs] Generating \"{name}\" key and public key");
                Directory(context).WriteKeyPair(
                    CertificateCatalogue.ServiceAccountKeyFileName, CertificateCatalogue.ServiceAccountPublicKeyFileName, key);
                break;
        }

        return Task.CompletedTask;
    }

    private static void Generate(InitContext context, CertificatePlan plan)
    {
        var baseName = plan.Definition.BaseName;
        var key = context.Pki.Keys.Take(baseName, CertificateSpecs.KeyAlgorithmOf(context.Config));
        var certificate = CertificateSigner.Issue(plan.Spec, key, plan.Issuer);
        context.Out.WriteLine($"[certs] Generating \"{baseName}\" certificate and key");
        Directory(context).WriteCertificateAndKey(baseName, certificate, key);
    }

    private static void Reused(InitContext context, params string[] fileNames)
    {
        foreach (var fileName in fileNames)
        {
            context.FileReused(Kubeadm.Core.Host.HostPathSyntax.Join(Kubeadm.Core.Host.HostPathSyntax.Normalize(context.Config.Cluster.CertificatesDir), fileName));
        }
    }

    private static void ShowWarnings(InitContext context, CertificatePlan plan)
    {
        foreach (var warning in plan.Warnings)
        {
            context.Err.WriteLine(warning);
        }

        foreach (var (certificate, warning) in plan.PeriodWarnings)
        {
            if (context.Pki.ShouldWarn(certificate))
            {
                context.Err.WriteLine(warning);
            }
        }
    }

    private static PkiDirectory Directory(InitContext context) => new(context.FileSystem, context.Config.Cluster.CertificatesDir);

    private static CertificatePlanner Planner(InitContext context) =>
        new(Directory(context), context.Config, context.StartTime, context.Clock.GetUtcNow());

    /// <summary>Where the files really land: in --dry-run, the dry-run directory (kubeadm prints its temp dir too).</summary>
    private static string WriteDirectory(InitContext context) => context.ShownPath(context.Config.Cluster.CertificatesDir);

    private static bool IsSkipped(InitContext context, string subPhase) =>
        context.Config.Init.SkipPhases.Any(p => p is "certs" || string.Equals(p, "certs/" + subPhase, StringComparison.Ordinal));
}
