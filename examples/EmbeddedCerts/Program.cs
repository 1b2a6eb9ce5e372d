// Runs kubeadm's `init phase certs` in-process: the certificate authorities, serving and client certificates and the
// service-account key pair, written under a root directory of our choosing (the same layout as /etc/kubernetes/pki).
//
//   dotnet run --project examples/EmbeddedCerts -- [ROOT] [ADVERTISE_ADDRESS] [NODE_NAME]
using Kubeadm.App.Host;
using Kubeadm.App.Init;
using Kubeadm.Workflow;

var root = args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("embedded-certs-").FullName;
var advertiseAddress = args.Length > 1 ? args[1] : "192.0.2.10";
var nodeName = args.Length > 2 ? args[2] : "embedded-node";

// The host ports: every path kubeadm touches is resolved under `root` (like `--rootfs`). The certs phases never
// talk to systemd, but the environment is complete, so the same setup can run later phases too.
var environment = new InitEnvironment
{
    Out = Console.Out,
    Err = Console.Error,
    FileSystemFor = rootfs => new PhysicalFileSystem(rootfs),
    HostInfoFor = fileSystem => new LinuxHostInfo(fileSystem),
    ServiceManager = () => new SystemctlServiceManager(new ProcessRunner()),
};

// What a user would pass as `kubeadm init` flags.
var options = new InitOptions
{
    Rootfs = root,
    AdvertiseAddress = advertiseAddress,
    NodeName = nodeName,
    CertExtraSans = ["cluster.example.internal"],
};

var contexts = new InitContextFactory(environment);
var runner = new PhaseRunner<InitContext>(InitPhaseTree.Create(), () => contexts.Create(options));
var result = await runner.RunAsync(runner.Select(["certs"], []));

foreach (var phase in result.Phases.Where(p => p.Outcome == PhaseOutcome.Ran))
{
    Console.WriteLine($"ran {phase.Path} in {phase.Duration.TotalMilliseconds:F0} ms");
}

Console.WriteLine($"certificates written under {Path.Combine(root, "etc/kubernetes/pki")}");
return 0;
