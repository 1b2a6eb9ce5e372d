using Kubeadm.App.Plan;
using Kubeadm.Core.Plan;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>Every file kubeadm writes under the rootfs (/etc/kubernetes, /var/lib/kubelet): content and mode, by host path.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed record PlanFileSnapshot(IReadOnlyDictionary<string, (string Content, UnixFileMode Mode)> Files)
{
    public IEnumerable<string> Paths => Files.Keys;

    public static PlanFileSnapshot Take(string rootfs)
    {
        var files = new SortedDictionary<string, (string, UnixFileMode)>(StringComparer.Ordinal);
        foreach (var directory in new[] { "etc/kubernetes", "var/lib/kubelet" }.Select(d => Path.Combine(rootfs, d)).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
            {
                files["/" + Path.GetRelativePath(rootfs, file)] = (Convert.ToBase64String(File.ReadAllBytes(file)), File.GetUnixFileMode(file));
            }
        }

        return new PlanFileSnapshot(files);
    }

    public static PlanAction Compare(PlanFileSnapshot before, PlanFileSnapshot after, string path) =>
        (before.Files.TryGetValue(path, out var old), after.Files.TryGetValue(path, out var now)) switch
        {
            (false, true) => PlanAction.Create,
            (true, false) => PlanAction.Delete,
            (true, true) when old == now => PlanAction.Unchanged,
            (true, true) => PlanAction.Update,
            _ => PlanAction.Unchanged,
        };

    public bool Equals(PlanFileSnapshot? other) =>
        other is not null && Files.Count == other.Files.Count && Files.All(f => other.Files.TryGetValue(f.Key, out var v) && v == f.Value);

    public override int GetHashCode() => Files.Count;

    /// <summary>Both ways: each file the plan lists changed as it said, and each file that changed is in the plan.</summary>
    public static void AssertAgree(NodePlan plan, PlanFileSnapshot before, PlanFileSnapshot after, Func<string, bool> phases)
    {
        var planned = plan.Items.Where(i => i.Kind == "file" && phases(i.Phase)).ToDictionary(i => i.Name, i => i.Action, StringComparer.Ordinal);
        foreach (var (path, action) in planned)
        {
            Assert.True(Compare(before, after, path) == action, $"{path}: the plan said {action}, the run did {Compare(before, after, path)}");
        }

        foreach (var path in after.Paths.Union(before.Paths, StringComparer.Ordinal))
        {
            var actual = Compare(before, after, path);
            if (actual != PlanAction.Unchanged)
            {
                Assert.True(planned.TryGetValue(path, out var said) && said == actual, $"{path}: the run did {actual}, which the plan did not say");
            }
        }
    }
}
