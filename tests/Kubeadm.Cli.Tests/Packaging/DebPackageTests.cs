using System.Text.RegularExpressions;

namespace Kubeadm.Cli.Tests.Packaging;

/// <summary>The kubeadm-dotnet .deb, installed and removed with the real dpkg, checked by lintian and systemd-analyze.</summary>
[Trait("Category", "RealTools")]
[Trait("Category", "Packaging")]
public sealed partial class DebPackageTests
{
    private const string DropIn = "/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf";

    private static readonly string[] Payload =
    [
        "/usr/bin/kubeadm",
        DropIn,
        "/usr/share/bash-completion/completions/kubeadm",
        "/usr/share/zsh/vendor-completions/_kubeadm",
        "/usr/share/man/man1/kubeadm.1.gz",
        "/usr/share/doc/kubeadm-dotnet/copyright",
        "/usr/share/doc/kubeadm-dotnet/changelog.gz",
    ];

    [PackageFact]
    public async Task Should_DeclareItselfAReplacementForGoKubeadm_When_ItsMetadataIsRead()
    {
        var fields = await ToolProcess.CheckedAsync("dpkg-deb", "--show", "--showformat=${Package}|${Recommends}|${Conflicts}|${Replaces}|${Provides}|${Depends}", Deb());

        var parts = fields.Split('|');
        Assert.Equal(["kubeadm-dotnet", "kubelet", "kubeadm", "kubeadm"], parts[..4]);
        Assert.Matches(@"^kubeadm \(= 1\.\d+\.\d+\)$", parts[4]);
        Assert.Contains("libc6", parts[5]);
    }

    [PackageFact]
    public async Task Should_InstallItsFilesAndRemoveThemAll_When_InstalledAndRemovedWithDpkg()
    {
        using var root = await DpkgRoot.CreateAsync(Deb());

        var install = await root.DpkgAsync("--install", Deb());
        Assert.True(install.ExitCode == 0, install.Output + install.Error);
        foreach (var file in Payload)
        {
            Assert.True(File.Exists(root.PathOf(file)), $"{file} was not installed");
        }

        Assert.Equal("755", (await ToolProcess.CheckedAsync("stat", "-c", "%a", root.PathOf("/usr/bin/kubeadm"))).Trim());
        var version = await ToolProcess.CheckedAsync(root.PathOf("/usr/bin/kubeadm"), "version", "-o", "short");
        Assert.Matches(@"^v1\.\d+\.\d+\n$", version);
        var status = await root.DpkgAsync("--status", "kubeadm-dotnet");
        Assert.Contains("Status: install ok installed", status.Output);

        var remove = await root.DpkgAsync("--remove", "kubeadm-dotnet");
        Assert.True(remove.ExitCode == 0, remove.Output + remove.Error);
        Assert.False(System.IO.Directory.Exists(root.PathOf("/usr")) && System.IO.Directory.EnumerateFiles(root.PathOf("/usr"), "*", SearchOption.AllDirectories).Any(),
            "files were left under /usr after dpkg --remove");
        var after = await root.DpkgAsync("--status", "kubeadm-dotnet");
        Assert.DoesNotContain("install ok installed", after.Output);
    }

    [PackageFact]
    public async Task Should_HaveNoLintianErrors_When_CheckedByLintian()
    {
        var run = await ToolProcess.RunAsync("lintian", ["--fail-on", "error", "--tag-display-limit", "0", Deb()], timeout: TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.DoesNotContain("\nE: ", "\n" + run.Output);
    }

    [PackageFact]
    public async Task Should_BeAValidKubeletDropIn_When_VerifiedBySystemdAnalyze()
    {
        using var root = await DpkgRoot.CreateAsync(Deb());
        await ToolProcess.CheckedAsync("dpkg-deb", "--extract", Deb(), root.Root);
        var units = System.IO.Directory.CreateDirectory(Path.Combine(root.Root, "units")).FullName;
        var kubelet = Path.Combine(units, "kubelet.service");
        // The unit the kubelet package ships, pointed at a kubelet that exists so verify checks everything else.
        await File.WriteAllTextAsync(kubelet, "[Unit]\nDescription=kubelet\n\n[Service]\nExecStart=/usr/bin/true\nRestart=always\n\n[Install]\nWantedBy=multi-user.target\n");
        var dropIns = System.IO.Directory.CreateDirectory(Path.Combine(units, "kubelet.service.d")).FullName;
        var dropIn = (await File.ReadAllTextAsync(root.PathOf(DropIn))).Replace("ExecStart=/usr/bin/kubelet ", "ExecStart=/usr/bin/true ", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(dropIns, "10-kubeadm.conf"), dropIn);

        var run = await ToolProcess.RunAsync("systemd-analyze", ["verify", "--man=no", kubelet],
            environment: new Dictionary<string, string> { ["SYSTEMD_UNIT_PATH"] = units + ":" });

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.DoesNotContain("10-kubeadm.conf", run.Error);
    }

    /// <summary>
    /// The packaged kubeadm writes the kubelet's files; the packaged drop-in, expanded as systemd does, must give the
    /// kubelet exactly the kubeconfig kubeadm wrote, the config.yaml it wrote, the flags of kubeadm-flags.env in order
    /// and then the administrator's KUBELET_EXTRA_ARGS.
    /// </summary>
    [PackageFact]
    public async Task Should_StartTheKubeletWithKubeadmsFiles_When_TheDropInIsExpanded()
    {
        using var root = await DpkgRoot.CreateAsync(Deb());
        var install = await root.DpkgAsync("--install", Deb());
        Assert.True(install.ExitCode == 0, install.Output + install.Error);
        var kubeadm = root.PathOf("/usr/bin/kubeadm");
        var config = root.PathOf("/root/kubeadm.yaml");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        await File.WriteAllTextAsync(config, """
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: InitConfiguration
            localAPIEndpoint:
              advertiseAddress: 192.0.2.20
            nodeRegistration:
              name: pkg-node
              criSocket: unix:///run/containerd/containerd.sock
            """);
        foreach (var phase in new[] { "certs/ca", "kubeconfig/kubelet", "kubelet-start" })
        {
            await ToolProcess.CheckedAsync(kubeadm, ["init", "phase", .. phase.Split('/'), "--rootfs", root.Root, "--config", config]);
        }

        System.IO.Directory.CreateDirectory(root.PathOf("/etc/default"));
        await File.WriteAllTextAsync(root.PathOf("/etc/default/kubelet"), "KUBELET_EXTRA_ARGS=\"--v=2 --node-labels=tier=edge\"\n");

        var unit = RealNode.KubeletUnit.Parse(RealNode.KubeletUnit.KubeletService, await File.ReadAllTextAsync(root.PathOf(DropIn)));
        var argv = unit.CommandLine(path => File.Exists(root.PathOf(path)) ? File.ReadAllText(root.PathOf(path)) : null).Argv;

        var flagsEnv = await File.ReadAllTextAsync(root.PathOf("/var/lib/kubelet/kubeadm-flags.env"));
        var kubeadmArgs = KubeadmArgs().Match(flagsEnv);
        Assert.True(kubeadmArgs.Success, flagsEnv);
        Assert.Equal(
            [
                "/usr/bin/kubelet",
                "--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf",
                "--kubeconfig=/etc/kubernetes/kubelet.conf",
                "--config=/var/lib/kubelet/config.yaml",
                .. kubeadmArgs.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                "--v=2",
                "--node-labels=tier=edge",
            ],
            argv);
        Assert.Contains("--hostname-override=pkg-node", argv);
        var kubeletConfig = await File.ReadAllTextAsync(root.PathOf("/var/lib/kubelet/config.yaml"));
        Assert.Contains("kind: KubeletConfiguration", kubeletConfig);
        Assert.Contains("containerRuntimeEndpoint: unix:///run/containerd/containerd.sock", kubeletConfig);
        Assert.Contains("client-certificate", await File.ReadAllTextAsync(root.PathOf("/etc/kubernetes/kubelet.conf")));
    }

    private static string Deb()
    {
        Assert.True(PackageArtifacts.Missing is null, PackageArtifacts.Missing);
        return PackageArtifacts.Deb!;
    }

    [GeneratedRegex("^KUBELET_KUBEADM_ARGS=\"(.*)\"$", RegexOptions.Multiline)]
    private static partial Regex KubeadmArgs();
}
