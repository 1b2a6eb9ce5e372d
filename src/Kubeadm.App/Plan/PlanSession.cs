using System.Collections.Immutable;
using System.Text;
using k8s.Models;
using Kubeadm.App.ClusterApi;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Host;
using Kubeadm.Core.Plan;
using Kubeadm.Workflow;

namespace Kubeadm.App.Plan;

/// <summary>
/// One `--plan` run: the ports the phases use instead of the real ones (the planning file system over the node,
/// the planning cluster over the cluster as read), the phases' own log (kept, not printed, unless -v), and the
/// conflicts. <see cref="Assemble{TContext}"/> turns what was recorded into the <see cref="NodePlan"/>.
/// </summary>
public sealed class PlanSession
{
    private readonly StringBuilder _logText = new();
    private readonly Lock _lock = new();
    private readonly List<PlannedItem> _otherItems = [];
    private PlanClusterSource _source;
    private readonly string _phaseCommand;
    private readonly string _commandFlags;
    private int _phaseLogStart;

    /// <param name="source">The cluster as read (or not reachable).</param>
    /// <param name="phaseCommand">How a single phase is re-run, e.g. "kubeadm init phase", for the fixes.</param>
    /// <param name="commandFlags">Flags a fix repeats, e.g. " --config kubeadm.yaml --rootfs /mnt".</param>
    public PlanSession(PlanClusterSource source, string phaseCommand, string commandFlags)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _phaseCommand = phaseCommand;
        _commandFlags = commandFlags;
        Log = TextWriter.Synchronized(new StringWriter(_logText, System.Globalization.CultureInfo.InvariantCulture));
    }

    public PlanRecorder Recorder { get; } = new();

    /// <summary>Where the phases print (their console lines and warnings); shown with -v, never changes the plan.</summary>
    public TextWriter Log { get; }

    public PlanningFileSystem? Files { get; private set; }

    public PlanningClusterApi? Objects { get; private set; }

    /// <summary>Set when the plan assumed an object someone else makes (the Node the kubelet registers).</summary>
    public string? ClusterNote { get; set; }

    public string LogText
    {
        get
        {
            Log.Flush();
            lock (_lock)
            {
                return _logText.ToString();
            }
        }
    }

    /// <summary>The planning file system over the node's; keys, certificates and kubeconfigs are never quoted.</summary>
    public IFileSystem AttachFileSystem(IFileSystem host, string certificatesDir)
    {
        var directory = HostPathSyntax.Normalize(certificatesDir);
        Files = new PlanningFileSystem(host, Recorder, path =>
            HostPathSyntax.IsSameOrUnder(path, directory)
            || path.EndsWith(".key", StringComparison.Ordinal) || path.EndsWith(".crt", StringComparison.Ordinal)
            || path.EndsWith(".pem", StringComparison.Ordinal) || path.EndsWith(".conf", StringComparison.Ordinal));
        return Files;
    }

    /// <summary>The planning cluster over the one read, or, when none is reachable, over the new cluster dry-run assumes.</summary>
    public PlanningClusterApi AttachCluster(KubeadmConfig config)
    {
        Objects = new PlanningClusterApi(_source.Api ?? DryRunClusterState.For(config), Recorder);
        return Objects;
    }

    /// <summary>The planning cluster over <paramref name="source"/>, a client that is only read (join: the node's admin.conf).</summary>
    public PlanningClusterApi AttachCluster(IClusterApi source)
    {
        Objects = new PlanningClusterApi(source, Recorder);
        return Objects;
    }

    /// <summary>The cluster as found once the run itself reached it (join: by discovery, which reads cluster-info).</summary>
    public void UseCluster(PlanClusterSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (_lock)
        {
            _source = source;
        }
    }

    public bool ClusterReachable => _source.Api is not null;

    /// <summary>
    /// Records what the run would do outside files and API objects (an etcd member it would add), attributed to the
    /// running phase.
    /// </summary>
    public void Record(string kind, string name, PlanAction action, string? note)
    {
        lock (_lock)
        {
            _otherItems.Add(new PlannedItem { Phase = Recorder.CurrentPhase, Kind = kind, Name = name, Action = action, Reason = note });
        }
    }

    /// <summary>
    /// A file someone else writes during the run (the kubelet's TLS bootstrap writes kubelet.conf): planned as created
    /// when the node lacks it, else unchanged, with <paramref name="note"/> saying who writes it.
    /// </summary>
    public void FileWrittenByOthers(string path, string note) => Files?.ExpectFromOthers(path, note);

    /// <summary>
    /// On a cluster whose kubelet has not registered the node yet, the real run waits for it (mark-control-plane); the
    /// plan assumes the registration instead of waiting, and says so.
    /// </summary>
    public async Task AssumeRegisteredNodeAsync(KubeadmConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!ClusterReachable || Objects is not { } objects)
        {
            return;
        }

        var nodeName = config.Init.NodeRegistration.Name;
        var node = await objects.GetAsync<V1Node>("", nodeName, cancellationToken).ConfigureAwait(false);
        if (node?.Metadata?.Labels?.ContainsKey(KubeadmConstants.HostnameLabel) == true)
        {
            return;
        }

        foreach (var assumed in await DryRunClusterState.For(config).ListAsync<V1Node>("", null, cancellationToken).ConfigureAwait(false))
        {
            objects.Assume(assumed);
        }

        ClusterNote = $"node \"{nodeName}\" is not registered yet: the run waits for the kubelet to register it (the plan assumes it did)";
    }

    /// <summary>A phase kept an existing file as it is (see <see cref="Init.InitContext.FileReused"/>).</summary>
    public void FileReused(string path) => Files?.Keep(path);

    public void Enter(string phase)
    {
        Log.Flush();
        lock (_lock)
        {
            _phaseLogStart = _logText.Length;
        }

        Recorder.Enter(phase);
    }

    public void Fail(string phase, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        string printed;
        Log.Flush();
        lock (_lock)
        {
            printed = _logText.ToString(_phaseLogStart, _logText.Length - _phaseLogStart);
        }

        var errorLines = printed.Split('\n').Where(line => line.Contains("[ERROR", StringComparison.Ordinal)).ToList();
        Recorder.Conflict(ConflictAdvice.For(phase, error, errorLines, _phaseCommand, _commandFlags));
    }

    /// <summary>
    /// The plan: every file and object, every leaf phase's state (a parent phase too when it recorded something), and
    /// whether the run could proceed.
    /// </summary>
    /// <param name="command">"init" or "join".</param>
    /// <param name="nodes">The phase tree as the runner flattened it.</param>
    /// <param name="result">The run's phase records (for skipped phases).</param>
    /// <param name="actions">What a phase does besides files and objects (it is "acts" rather than "nothing to do").</param>
    public NodePlan Assemble<TContext>(
        string command, ImmutableArray<PhaseNode<TContext>> nodes, WorkflowResult result, IReadOnlyDictionary<string, string> actions)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(actions);
        var items = new List<PlannedItem>();
        items.AddRange(Files?.Items() ?? []);
        items.AddRange(Objects?.Items() ?? []);
        lock (_lock)
        {
            items.AddRange(_otherItems);
        }

        items.AddRange(Recorder.Conflicts);
        var outcomes = result.Phases.GroupBy(p => p.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Outcome, StringComparer.Ordinal);
        var phases = new List<PlannedPhase>();
        foreach (var node in nodes.Where(n => !n.Phase.RunAllSiblings))
        {
            var own = items.Where(i => i.Phase == node.Path).ToList();
            if (node.HasChildren && own.Count == 0)
            {
                continue;
            }

            phases.Add(StateOf(node.Path, own, outcomes.GetValueOrDefault(node.Path, PhaseOutcome.SkippedByUser), actions));
        }

        var cluster = _source.Description + (ClusterNote is null ? "" : "; " + ClusterNote);
        return new NodePlan
        {
            Command = command,
            CanProceed = !items.Any(i => i.Action == PlanAction.Conflict),
            ClusterReachable = ClusterReachable,
            Cluster = cluster,
            Phases = phases,
            Items = items,
        };
    }

    private PlannedPhase StateOf(string path, List<PlannedItem> own, PhaseOutcome outcome, IReadOnlyDictionary<string, string> actions)
    {
        if (own.Any(i => i.Action == PlanAction.Conflict))
        {
            return new PlannedPhase(path, PhasePlanState.Conflict, null);
        }

        if (outcome == PhaseOutcome.SkippedByUser)
        {
            return new PlannedPhase(path, PhasePlanState.Skipped, "skipped (--skip-phases or skipPhases)");
        }

        if (outcome == PhaseOutcome.SkippedByRunIf || !Recorder.Ran(path))
        {
            return new PlannedPhase(path, PhasePlanState.Skipped, "does not run for this configuration");
        }

        if (own.Any(i => i.Action is PlanAction.Create or PlanAction.Update or PlanAction.Delete))
        {
            return new PlannedPhase(path, PhasePlanState.Changes, actions.GetValueOrDefault(path));
        }

        return actions.TryGetValue(path, out var acts)
            ? new PlannedPhase(path, PhasePlanState.Acts, acts)
            : new PlannedPhase(path, PhasePlanState.NothingToDo, null);
    }
}
