using System.Diagnostics;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Upgrade.Apply;

namespace Kubeadm.Core.Tests.Upgrade;

/// <summary>The rollback.sh run by the real /bin/sh, cp and mv over a temporary root (ROOTFS).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RollbackScriptShellTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kubeadm-rollback-").FullName;

    [Fact]
    [Trait("Category", "RealTools")]
    public async Task One_sh_command_puts_every_backed_up_file_back_with_its_mode()
    {
        var state = new UpgradeRunState { TargetVersion = "v1.34.2", Backups = UpgradeBackupLayout.For(DateTimeOffset.UnixEpoch) };
        var manifest = "/etc/kubernetes/manifests/kube-apiserver.yaml";
        var key = "/etc/kubernetes/pki/apiserver.key";
        var record = state.Component(ComponentNames.ApiServer);
        record.AddFile(new BackedUpFile(manifest, state.Backups.ManifestBackupPath(ComponentNames.ApiServer)));
        record.AddFile(new BackedUpFile(key, state.Backups.CertificateBackupPath("/etc/kubernetes/pki", key)));
        Write(manifest, "new manifest", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Write(key, "new key", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Write(state.Backups.ManifestBackupPath(ComponentNames.ApiServer), "old manifest", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Write(state.Backups.CertificateBackupPath("/etc/kubernetes/pki", key), "old key", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Write(state.Backups.RollbackScriptPath, RollbackScript.Compose(state), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var start = new ProcessStartInfo("sh", [Host(state.Backups.RollbackScriptPath)]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ROOTFS"] = _root;
        using var shell = Process.Start(start)!;
        var output = await shell.StandardOutput.ReadToEndAsync();
        var error = await shell.StandardError.ReadToEndAsync();
        await shell.WaitForExitAsync();

        Assert.True(shell.ExitCode == 0, error);
        Assert.Equal("old manifest", await File.ReadAllTextAsync(Host(manifest)));
        Assert.Equal("old key", await File.ReadAllTextAsync(Host(key)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Host(key)));
        Assert.Contains($"[upgrade/rollback] Restored {key} from", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(Host(key))!, "*.kubeadm-rollback"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Host(string path) => _root + path;

    private void Write(string path, string content, UnixFileMode mode)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Host(path))!);
        File.WriteAllText(Host(path), content);
        File.SetUnixFileMode(Host(path), mode);
    }
}
