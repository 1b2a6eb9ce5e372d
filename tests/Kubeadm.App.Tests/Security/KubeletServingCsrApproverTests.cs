using System.Net;
using k8s.Models;
using Kubeadm.App.Security;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Tests.Shared;

namespace Kubeadm.App.Tests.Security;

public sealed class KubeletServingCsrApproverTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly InMemoryClusterApi _api = new();
    private readonly StringWriter _out = new();

    [Fact]
    public async Task Should_ApproveOnlyTheMatchingRequest_When_OneAsksForAForeignAddress()
    {
        await AddNodeAsync("node-a", "10.0.0.7");
        await AddCsrAsync("csr-bad", "node-a", ["node-a"], ["10.0.0.7", "10.9.9.9"]);
        await AddCsrAsync("csr-good", "node-a", ["node-a"], ["10.0.0.7"]);

        var outcome = await Approver().ApproveAsync("node-a", Wait, Interval, CancellationToken.None);

        Assert.Equal(ServingCsrOutcome.Approved, outcome);
        Assert.True(IsApproved(await GetAsync("csr-good")));
        Assert.False(CsrApproval.IsDecided(await GetAsync("csr-bad")));
        Assert.Contains("Not approving certificate signing request \"csr-bad\"", _out.ToString());
        Assert.Contains("10.9.9.9", _out.ToString());
    }

    [Fact]
    public async Task Should_LeaveAnotherNodesRequestAlone_When_ApprovingForThisNode()
    {
        await AddNodeAsync("node-a", "10.0.0.7");
        await AddNodeAsync("node-b", "10.0.0.8");
        await AddCsrAsync("csr-b", "node-b", ["node-b"], ["10.0.0.8"]);

        var outcome = await Approver().ApproveAsync("node-a", Wait, Interval, CancellationToken.None);

        Assert.Equal(ServingCsrOutcome.NoneInTime, outcome);
        Assert.False(CsrApproval.IsDecided(await GetAsync("csr-b")));
        Assert.Contains("kubectl certificate approve", _out.ToString());
    }

    [Fact]
    public async Task Should_WaitForTheNodeObject_When_TheRequestComesFirst()
    {
        await AddCsrAsync("csr-a", "node-a", ["node-a"], ["10.0.0.7"]);
        var registration = Task.Run(async () =>
        {
            await Task.Delay(120);
            await AddNodeAsync("node-a", "10.0.0.7");
        });

        var outcome = await Approver().ApproveAsync("node-a", TimeSpan.FromSeconds(5), Interval, CancellationToken.None);
        await registration;

        Assert.Equal(ServingCsrOutcome.Approved, outcome);
    }

    [Fact]
    public async Task Should_ApproveNothingAgain_When_TheNodesRequestIsAlreadyApproved()
    {
        await AddNodeAsync("node-a", "10.0.0.7");
        await AddCsrAsync("csr-a", "node-a", ["node-a"], ["10.0.0.7"]);
        await _api.ApproveCertificateSigningRequestAsync(await GetAsync("csr-a"), "Admin", "by hand", CancellationToken.None);
        await AddCsrAsync("csr-a2", "node-a", ["node-a"], ["10.0.0.7"]);

        var outcome = await Approver().ApproveAsync("node-a", Wait, Interval, CancellationToken.None);

        Assert.Equal(ServingCsrOutcome.AlreadyApproved, outcome);
        Assert.False(CsrApproval.IsDecided(await GetAsync("csr-a2")));
    }

    public void Dispose() => _out.Dispose();

    private KubeletServingCsrApprover Approver() => new(_api, TimeProvider.System, _out);

    private Task<V1Node> AddNodeAsync(string name, string ip) => _api.CreateOrUpdateAsync(new V1Node
    {
        ApiVersion = "v1",
        Kind = "Node",
        Metadata = new V1ObjectMeta { Name = name },
        Status = new V1NodeStatus { Addresses = [new V1NodeAddress { Type = "InternalIP", Address = ip }, new V1NodeAddress { Type = "Hostname", Address = name }] },
    }, CancellationToken.None);

    private Task<V1CertificateSigningRequest> AddCsrAsync(string name, string node, string[] dns, string[] ips) => _api.CreateOrUpdateAsync(
        ServingCsrFactory.Object(name, ServingCsrFactory.NodeRequestPem(node, dns, ips.Select(IPAddress.Parse)), "system:node:" + node),
        CancellationToken.None);

    private async Task<V1CertificateSigningRequest> GetAsync(string name) =>
        (await _api.GetAsync<V1CertificateSigningRequest>("", name, CancellationToken.None))!;

    private static bool IsApproved(V1CertificateSigningRequest csr) =>
        csr.Status?.Conditions?.Any(c => c.Type == "Approved" && c.Status == "True") == true;
}
