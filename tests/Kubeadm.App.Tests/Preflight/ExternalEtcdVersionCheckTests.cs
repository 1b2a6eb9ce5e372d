using Kubeadm.App.Preflight;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Preflight;

namespace Kubeadm.App.Tests.Preflight;

public sealed class ExternalEtcdVersionCheckTests
{
    private const string VersionUrl = "https://10.0.0.9:2379/version";

    [Fact]
    public async Task Should_Pass_When_TheEtcdIsRecentEnough()
    {
        var (host, check) = Setup(HttpGetResult.Answer(200, "200 OK", "{\"etcdserver\":\"3.6.5\",\"etcdcluster\":\"3.6.0\"}"));

        var outcome = await check.RunAsync(default);

        Assert.Empty(outcome.Errors);
        Assert.Empty(outcome.Warnings);
        Assert.Empty(host.Host.Commands);
    }

    [Fact]
    public async Task Should_Error_When_TheEtcdIsTooOld()
    {
        var (_, check) = Setup(HttpGetResult.Answer(200, "200 OK", "{\"etcdserver\":\"3.4.13\"}"));

        var outcome = await check.RunAsync(default);

        Assert.Equal(["this version of kubeadm only supports external etcd version >= 3.5.21-0. Current version: 3.4.13"], outcome.Errors);
    }

    [Fact]
    public async Task Should_RetryThenReportTheStatus_When_TheServerKeepsFailing()
    {
        var (_, check) = Setup(HttpGetResult.Answer(503, "503 Service Unavailable", ""));

        var outcome = await check.RunAsync(default);

        Assert.Equal(["server responded with non-successful status: 503 Service Unavailable"], outcome.Errors);
    }

    [Fact]
    public async Task Should_UseTheLaterAnswer_When_TheFirstAttemptFails()
    {
        var (_, check) = Setup(HttpGetResult.Failed("Get \"x\": connection refused"), HttpGetResult.Answer(200, "200 OK", "{\"etcdserver\":\"3.5.24\"}"));

        var outcome = await check.RunAsync(default);

        Assert.Empty(outcome.Errors);
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public async Task Should_ErrorBeforeAnyRequest_When_TheCaFileIsMissing()
    {
        var host = new HealthyHost();
        var check = ExternalEtcdVersionCheck.Create(host.Inputs(), new ExternalEtcd { Endpoints = ["https://10.0.0.9:2379"], CaFile = "/pki/ca.crt" });

        var outcome = await check.RunAsync(default);

        Assert.StartsWith("couldn't load external etcd's server certificate /pki/ca.crt", Assert.Single(outcome.Errors));
    }

    private static (HealthyHost Host, PreflightCheck Check) Setup(params HttpGetResult[] answers)
    {
        var host = new HealthyHost();
        host.Write("/pki/ca.crt", "CA");
        host.Host.HttpAnswers[VersionUrl] = new Queue<HttpGetResult>(answers);
        var etcd = new ExternalEtcd { Endpoints = ["https://10.0.0.9:2379/"], CaFile = "/pki/ca.crt" };
        return (host, ExternalEtcdVersionCheck.Create(host.Inputs(), etcd));
    }
}
