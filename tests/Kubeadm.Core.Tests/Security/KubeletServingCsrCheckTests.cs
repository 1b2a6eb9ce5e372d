using System.Net;
using k8s.Models;
using Kubeadm.Core.Security;
using Kubeadm.Tests.Shared;

namespace Kubeadm.Core.Tests.Security;

public sealed class KubeletServingCsrCheckTests
{
    private const string Node = "node-a";
    private const string NodeUser = "system:node:node-a";

    private static readonly V1NodeAddress[] Addresses =
    [
        new() { Type = "InternalIP", Address = "10.0.0.7" },
        new() { Type = "Hostname", Address = "node-a.example" },
    ];

    [Fact]
    public void Should_Approve_When_TheRequestNamesOnlyTheNodesNameAndAddresses()
    {
        var pem = ServingCsrFactory.NodeRequestPem(Node, ["node-a", "node-a.example"], [IPAddress.Parse("10.0.0.7")]);

        Assert.Null(KubeletServingCsrCheck.Problem(ServingCsrFactory.Object("csr-1", pem, NodeUser), Node, Addresses));
    }

    [Fact]
    public void Should_Refuse_When_TheRequestAddsAnAddressTheNodeDoesNotHave()
    {
        var pem = ServingCsrFactory.NodeRequestPem(Node, ["node-a"], [IPAddress.Parse("10.0.0.7"), IPAddress.Parse("10.9.9.9")]);

        var problem = KubeletServingCsrCheck.Problem(ServingCsrFactory.Object("csr-1", pem, NodeUser), Node, Addresses);

        Assert.Contains("10.9.9.9", problem);
    }

    [Fact]
    public void Should_Refuse_When_TheRequestAsksForAnotherName()
    {
        var pem = ServingCsrFactory.NodeRequestPem(Node, ["kubernetes.default.svc"], [IPAddress.Parse("10.0.0.7")]);

        Assert.Contains("kubernetes.default.svc", KubeletServingCsrCheck.Problem(ServingCsrFactory.Object("csr-1", pem, NodeUser), Node, Addresses));
    }

    [Fact]
    public void Should_Refuse_When_AnotherNodeAsksForThisNodesCertificate()
    {
        var pem = ServingCsrFactory.NodeRequestPem(Node, ["node-a"], [IPAddress.Parse("10.0.0.7")]);

        Assert.Contains("requested by \"system:node:node-b\"",
            KubeletServingCsrCheck.Problem(ServingCsrFactory.Object("csr-1", pem, "system:node:node-b"), Node, Addresses));
    }

    [Fact]
    public void Should_Refuse_When_TheSubjectIsNotTheNodes()
    {
        var pem = ServingCsrFactory.RequestPem("CN=system:node:node-a, O=system:masters", ["node-a"], [IPAddress.Parse("10.0.0.7")]);

        Assert.Contains("its subject", KubeletServingCsrCheck.Problem(ServingCsrFactory.Object("csr-1", pem, NodeUser), Node, Addresses));
    }

    [Fact]
    public void Should_Refuse_When_TheSignerOrUsagesAreNotKubeletServing()
    {
        var pem = ServingCsrFactory.NodeRequestPem(Node, ["node-a"], [IPAddress.Parse("10.0.0.7")]);

        Assert.Contains("signer", KubeletServingCsrCheck.Problem(
            ServingCsrFactory.Object("csr-1", pem, NodeUser, signer: "kubernetes.io/kube-apiserver-client-kubelet"), Node, Addresses));
        Assert.Contains("usages", KubeletServingCsrCheck.Problem(
            ServingCsrFactory.Object("csr-1", pem, NodeUser, usages: ["digital signature", "client auth"]), Node, Addresses));
    }

    [Fact]
    public void Should_Refuse_When_TheRequestCarriesAnEmailName()
    {
        var pem = ServingCsrFactory.RequestPem("CN=system:node:node-a, O=system:nodes", ["node-a"], [], email: "a@example.com");

        Assert.Contains("other than a DNS name", KubeletServingCsrCheck.Problem(ServingCsrFactory.Object("csr-1", pem, NodeUser), Node, Addresses));
    }

    [Fact]
    public void Should_Refuse_When_TheRequestIsNotPem()
    {
        var csr = ServingCsrFactory.Object("csr-1", "garbage", NodeUser);

        Assert.Contains("not a PEM certificate request", KubeletServingCsrCheck.Problem(csr, Node, Addresses));
    }
}
