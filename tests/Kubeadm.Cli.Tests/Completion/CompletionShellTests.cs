using Kubeadm.Cli.Tests.Packaging;

namespace Kubeadm.Cli.Tests.Completion;

/// <summary>The generated scripts loaded into the real bash and zsh, completing what a user types.</summary>
[Trait("Category", "RealTools")]
public sealed class CompletionShellTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kubeadm-completion-").FullName;

    public static TheoryData<string, string> Cases { get; } = new()
    {
        { "kubeadm ''", "init join certs config kubeconfig token reset upgrade version completion" },
        { "kubeadm in", "init" },
        { "kubeadm init phase ''", "preflight certs kubeconfig etcd control-plane kubelet-start wait-control-plane upload-config upload-certs mark-control-plane bootstrap-token kubelet-finalize addon show-join-command" },
        { "kubeadm init phase certs apiserver-", "apiserver-kubelet-client apiserver-etcd-client" },
        { "kubeadm --rootfs /tmp/x init --dry-run ph", "phase" },
        { "kubeadm init phase bootstraptoken --sk", "--skip-token-print" },
        { "kubeadm certificates check", "check-expiration" },
        { "kubeadm version -o ''", "json short yaml" },
        { "kubeadm version --output = j", "json" },
        { "kubeadm completion ''", "bash zsh" },
        { "kubeadm upgrade ''", "apply diff node plan" },
    };

    [Fact]
    public async Task Should_CompleteCommandsPhasesAndFlags_When_LoadedIntoBash()
    {
        var script = await ScriptAsync("bash");
        var driver = new System.Text.StringBuilder($"source '{script}'\ncomplete -p kubeadm\n");
        foreach (var typed in Cases.Select(c => (string)c[0]))
        {
            driver.Append($"COMP_WORDS=({typed}); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 )); COMPREPLY=(); _kubeadm; echo \"${{COMPREPLY[*]}}\"\n");
        }

        var run = await ToolProcess.RunAsync("bash", ["--norc", "--noprofile", "-c", driver.ToString()]);

        Assert.True(run.ExitCode == 0, run.Error);
        var expected = Cases.Select(c => (string)c[1]);
        Assert.Equal(["complete -o default -F _kubeadm kubeadm", .. expected], run.Output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Should_LeaveFileNamesToBash_When_AFlagValueIsFree()
    {
        var script = await ScriptAsync("bash");
        var driver = $"source '{script}'; COMP_WORDS=(kubeadm init --config ''); COMP_CWORD=3; _kubeadm; echo \"rc=$? n=${{#COMPREPLY[@]}}\"";

        var run = await ToolProcess.RunAsync("bash", ["--norc", "--noprofile", "-c", driver]);

        Assert.Equal("rc=0 n=0\n", run.Output);
    }

    [Fact]
    public async Task Should_CompleteCommandsPhasesAndFlags_When_LoadedIntoZsh()
    {
        var script = await ScriptAsync("zsh");
        // zsh's completion builtins only work inside a completion widget; these stand-ins print what the script offers
        // (filtered by the typed prefix, as compadd does), after compinit loaded the completion system it registers with.
        var driver = new System.Text.StringBuilder($$"""
            autoload -U compinit && compinit -u -d '{{_dir}}/zcompdump'
            source '{{script}}'
            print -r -- "${_comps[kubeadm]}"
            compadd() { [[ $1 == -- ]] && shift; print -r -- "${(M)@:#${PREFIX}*}"; }
            compset() { [[ $PREFIX == *=* ]] && PREFIX=${PREFIX#*=}; }
            _files() { print -r -- "<files>"; }

            """);
        foreach (var typed in Cases.Select(c => ((string)c[0]).Replace(" = ", "=", StringComparison.Ordinal)))
        {
            driver.Append($"words=({typed}); CURRENT=${{#words}}; PREFIX=${{words[CURRENT]}}; _kubeadm\n");
        }

        var run = await ToolProcess.RunAsync("zsh", ["-f", "-c", driver.ToString()]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["_kubeadm", .. Cases.Select(c => (string)c[1])], run.Output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Should_LeaveFileNamesToZsh_When_AFlagValueIsFree()
    {
        var script = await ScriptAsync("zsh");
        var driver = $"autoload -U compinit && compinit -u -d '{_dir}/zcompdump'; source '{script}'; _files() {{ print files; }}; words=(kubeadm init --config ''); CURRENT=4; _kubeadm";

        var run = await ToolProcess.RunAsync("zsh", ["-f", "-c", driver]);

        Assert.Equal("files\n", run.Output);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<string> ScriptAsync(string shell)
    {
        var run = await new CliHarness().RunAsync("completion", shell);
        Assert.Equal(0, run.ExitCode);
        var path = Path.Combine(_dir, "kubeadm." + shell);
        await File.WriteAllTextAsync(path, run.Output);
        return path;
    }
}
