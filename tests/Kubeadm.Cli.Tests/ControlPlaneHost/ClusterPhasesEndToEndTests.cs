using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubeadm.Core.UploadCerts;
using Xunit.Abstractions;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>
/// The cluster phases of `kubeadm init` (wait-control-plane, upload-config, upload-certs, mark-control-plane,
/// bootstrap-token, addon, show-join-command) and the `kubeadm token` commands against a real Kubernetes 1.20 control
/// plane run by the process kubelet (see docs/testing-control-plane.md), checked only through real components:
/// kubectl, openssl, the API server's authenticator and RBAC, and the controller-manager's CSR approver/signer and
/// bootstrap signer. One control plane is shared (<see cref="ClusterPhasesFixture"/>); every test leaves the cluster
/// in a state the others accept, in any order.
/// </summary>
[Trait("Category", "RealTools")]
[Trait("Category", "ControlPlane")]
public sealed partial class ClusterPhasesEndToEndTests(ClusterPhasesFixture cluster, ITestOutputHelper output) : IClassFixture<ClusterPhasesFixture>
{
    private const string Ns = "kube-system";
    private const string BootstrappersGroup = "system:bootstrappers:kubeadm:default-node-token";

    private static readonly string TokenId = ClusterPhasesFixture.Token[..6];
    private static readonly string TokenSecret = ClusterPhasesFixture.Token[7..];

    private string Pki => Path.Combine(cluster.Rootfs, "etc/kubernetes/pki");

    [ControlPlaneFact]
    public async Task Should_WaitForTheKubeletAndEveryComponent_When_WaitControlPlaneRuns()
    {
        output.WriteLine($"startup {cluster.StartupTime.TotalSeconds:0.0} s, cluster phases {cluster.FirstRunTime.TotalSeconds:0.0} s");
        var wait = cluster.WaitControlPlane.Output;
        output.WriteLine(wait);

        Assert.Contains($"[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:{cluster.KubeletHealthz.Port}/healthz", wait);
        Assert.Contains("[kubelet-check] The kubelet is healthy after", wait);
        Assert.True(cluster.KubeletHealthz.Requests > 0);

        // The URLs it checks are the ones the process kubelet runs the components on (read from our manifests).
        Assert.Contains($"Checking kube-apiserver at {cluster.ControlPlane.ApiServerUrl}/livez", wait);
        var ports = new Dictionary<string, string>();
        foreach (var component in new[] { "kube-controller-manager", "kube-scheduler" })
        {
            ports[component] = cluster.ControlPlane.Components.Single(c => c.Name == component).Arguments.Single(a => a.StartsWith("--secure-port=", StringComparison.Ordinal))[14..];
        }

        Assert.Contains($"Checking kube-controller-manager at https://127.0.0.1:{ports["kube-controller-manager"]}/healthz", wait);
        Assert.Contains($"Checking kube-scheduler at https://127.0.0.1:{ports["kube-scheduler"]}/livez", wait);
        Assert.Contains("[control-plane-check] kube-apiserver is healthy after", wait);
        Assert.Contains("[control-plane-check] kube-controller-manager is healthy after", wait);

        // Version skew, not a defect: kubeadm 1.34 checks kube-scheduler's /livez, which 1.20 does not serve (404);
        // its /healthz on the same port answers ok. So the phase fails on the scheduler alone.
        Assert.Contains($"kube-scheduler check failed at https://127.0.0.1:{ports["kube-scheduler"]}/livez with status: 404", wait);
        Assert.Equal(1, cluster.WaitControlPlane.ExitCode);
        Assert.Contains("error execution phase wait-control-plane: could not initialize a Kubernetes cluster", cluster.WaitControlPlane.Output + cluster.WaitControlPlane.Error);
        using var handler = new SocketsHttpHandler { UseProxy = false };
#pragma warning disable CA5359 // Self-signed serving certificate; only the status is read, as kubeadm does.
        handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true };
#pragma warning restore CA5359
        using var client = new HttpClient(handler);
        Assert.Equal("ok", await client.GetStringAsync($"https://127.0.0.1:{ports["kube-scheduler"]}/healthz"));
    }

    [ControlPlaneFact]
    public async Task Should_StoreTheConfigurationAndItsRbac_When_UploadConfigRuns()
    {
        var kubeadmConfig = await GetJsonAsync("-n", Ns, "configmap", "kubeadm-config");
        var clusterConfiguration = (string)kubeadmConfig["data"]!["ClusterConfiguration"]!;
        Assert.Contains("apiVersion: kubeadm.k8s.io/v1beta4", clusterConfiguration);
        Assert.Contains("kind: ClusterConfiguration", clusterConfiguration);
        Assert.Contains("kubernetesVersion: v1.34.2", clusterConfiguration);
        Assert.Contains("name: secure-port", clusterConfiguration);
        Assert.Equal(["ClusterConfiguration"], Keys(kubeadmConfig["data"]));

        var kubeletConfig = await GetJsonAsync("-n", Ns, "configmap", "kubelet-config");
        var kubelet = (string)kubeletConfig["data"]!["kubelet"]!;
        Assert.Contains("kind: KubeletConfiguration", kubelet);
        Assert.Contains($"healthzPort: {cluster.KubeletHealthz.Port}", kubelet);
        // Our config carries a KubeletConfiguration document, so, as in kubeadm, the ConfigMap is not signed with the
        // component-config hash (only a configuration kubeadm generated entirely is).
        Assert.Null(kubeletConfig["metadata"]!["annotations"]?["kubeadm.kubernetes.io/component-config.hash"]);

        foreach (var (role, resource, name, groups) in new[]
        {
            ("kubeadm:nodes-kubeadm-config", "configmaps", "kubeadm-config", new[] { BootstrappersGroup, "system:nodes" }),
            ("kubeadm:kubelet-config", "configmaps", "kubelet-config", new[] { BootstrappersGroup, "system:nodes" }),
            ("kubeadm:kubeadm-certs", "secrets", "kubeadm-certs", new[] { BootstrappersGroup }),
        })
        {
            var rule = (await GetJsonAsync("-n", Ns, "role", role))["rules"]!.AsArray().Single()!;
            Assert.Equal([resource], Strings(rule["resources"]));
            Assert.Equal([name], Strings(rule["resourceNames"]));
            Assert.Equal(["get"], Strings(rule["verbs"]));
            var binding = await GetJsonAsync("-n", Ns, "rolebinding", role);
            Assert.Equal(role, (string)binding["roleRef"]!["name"]!);
            Assert.Equal(groups.Order(), binding["subjects"]!.AsArray().Select(s => (string)s!["name"]!).Order());
        }

        // What those rules are for: a joining node, authenticated by our bootstrap token alone, reads them.
        var token = await TokenKubeconfigAsync();
        foreach (var args in new[]
        {
            new[] { "-n", Ns, "get", "configmap", "kubeadm-config" },
            ["-n", Ns, "get", "configmap", "kubelet-config"],
            ["-n", Ns, "get", "secret", "kubeadm-certs"],
            ["-n", Ns, "get", "configmap", "kube-proxy"],
            ["get", "node", ClusterPhasesFixture.NodeName],
        })
        {
            var read = await ProcessKubelet.KubectlAsync(token, null, args);
            Assert.True(read.ExitCode == 0, $"the bootstrap token cannot {string.Join(' ', args)}: {read.Error}");
        }

        var denied = await ProcessKubelet.KubectlAsync(token, null, "-n", Ns, "get", "configmap", "coredns");
        Assert.Contains($"User \"system:bootstrap:{TokenId}\" cannot get resource \"configmaps\"", denied.Error);
    }

    [ControlPlaneFact]
    public async Task Should_DecryptEveryUploadedCertificateWithThePrintedKey_When_UploadCertsRan()
    {
        var secret = await GetJsonAsync("-n", Ns, "secret", "kubeadm-certs");
        var key = Convert.FromHexString(cluster.CertificateKey);
        var files = new Dictionary<string, string>
        {
            ["ca.crt"] = "ca.crt", ["ca.key"] = "ca.key", ["sa.key"] = "sa.key", ["sa.pub"] = "sa.pub",
            ["front-proxy-ca.crt"] = "front-proxy-ca.crt", ["front-proxy-ca.key"] = "front-proxy-ca.key",
            ["etcd-ca.crt"] = "etcd/ca.crt", ["etcd-ca.key"] = "etcd/ca.key",
        };
        Assert.Equal(files.Keys.Order(), Keys(secret["data"]).Order());
        foreach (var (name, path) in files)
        {
            var plain = CertificateKeyCipher.Decrypt(Convert.FromBase64String((string)secret["data"]![name]!), key);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Pki, path)), plain);
        }

        // The Secret is owned by a short-lived (2 h) bootstrap token, so the garbage collector removes it with the token.
        var owner = secret["metadata"]!["ownerReferences"]!.AsArray().Single()!;
        Assert.Equal("v1", (string)owner["apiVersion"]!);
        Assert.Equal("Secret", (string)owner["kind"]!);
        Assert.True((bool)owner["controller"]!);
        var tokenSecret = await GetJsonAsync("-n", Ns, "secret", (string)owner["name"]!);
        Assert.Equal((string)tokenSecret["metadata"]!["uid"]!, (string)owner["uid"]!);
        Assert.Equal("bootstrap.kubernetes.io/token", (string)tokenSecret["type"]!);
        var expires = DateTimeOffset.Parse(Data(tokenSecret)["expiration"], System.Globalization.CultureInfo.InvariantCulture);
        var created = DateTimeOffset.Parse((string)tokenSecret["metadata"]!["creationTimestamp"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - created, TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        Assert.False(Data(tokenSecret).ContainsKey("usage-bootstrap-authentication"), "the certs token must not authenticate");
    }

    [ControlPlaneFact]
    public async Task Should_LabelAndTaintTheNode_When_MarkControlPlaneRan()
    {
        var node = await GetJsonAsync("node", ClusterPhasesFixture.NodeName);
        var labels = node["metadata"]!["labels"]!;
        Assert.Equal("", (string)labels["node-role.kubernetes.io/control-plane"]!);
        Assert.Equal("", (string)labels["node.kubernetes.io/exclude-from-external-load-balancers"]!);
        // Without a kubelet the node never reports Ready, so the node lifecycle controller adds its own
        // node.kubernetes.io/* taints after ~40 s; ours is the control-plane one.
        var taint = node["spec"]!["taints"]!.AsArray().Single(t => !((string)t!["key"]!).StartsWith("node.kubernetes.io/", StringComparison.Ordinal))!;
        Assert.Equal("node-role.kubernetes.io/control-plane", (string)taint["key"]!);
        Assert.Equal("NoSchedule", (string)taint["effect"]!);
        Assert.Null(taint["value"]);
    }

    [ControlPlaneFact]
    public async Task Should_StoreTheTokenAndItsRbacAndClusterInfo_When_BootstrapTokenRan()
    {
        var secret = await GetJsonAsync("-n", Ns, "secret", "bootstrap-token-" + TokenId);
        Assert.Equal("bootstrap.kubernetes.io/token", (string)secret["type"]!);
        var data = Data(secret);
        Assert.Equal(TokenId, data["token-id"]);
        Assert.Equal(TokenSecret, data["token-secret"]);
        Assert.Equal("true", data["usage-bootstrap-authentication"]);
        Assert.Equal("true", data["usage-bootstrap-signing"]);
        Assert.Equal(BootstrappersGroup, data["auth-extra-groups"]);
        Assert.Equal("e2e token", data["description"]);
        var expires = DateTimeOffset.Parse(data["expiration"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(24));

        foreach (var (name, role, kind, subject) in new[]
        {
            ("kubeadm:get-nodes", "kubeadm:get-nodes", "Group", BootstrappersGroup),
            ("kubeadm:kubelet-bootstrap", "system:node-bootstrapper", "Group", BootstrappersGroup),
            ("kubeadm:node-autoapprove-bootstrap", "system:certificates.k8s.io:certificatesigningrequests:nodeclient", "Group", BootstrappersGroup),
            ("kubeadm:node-autoapprove-certificate-rotation", "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient", "Group", "system:nodes"),
            ("kubeadm:cluster-admins", "cluster-admin", "Group", "kubeadm:cluster-admins"),
        })
        {
            var binding = await GetJsonAsync("clusterrolebinding", name);
            Assert.Equal(("ClusterRole", role), ((string)binding["roleRef"]!["kind"]!, (string)binding["roleRef"]!["name"]!));
            var only = binding["subjects"]!.AsArray().Single()!;
            Assert.Equal((kind, subject), ((string)only["kind"]!, (string)only["name"]!));
        }

        var getNodes = (await GetJsonAsync("clusterrole", "kubeadm:get-nodes"))["rules"]!.AsArray().Single()!;
        Assert.Equal(["nodes"], Strings(getNodes["resources"]));
        Assert.Equal(["get"], Strings(getNodes["verbs"]));

        var infoRole = (await GetJsonAsync("-n", "kube-public", "role", "kubeadm:bootstrap-signer-clusterinfo"))["rules"]!.AsArray().Single()!;
        Assert.Equal(["cluster-info"], Strings(infoRole["resourceNames"]));
        var infoBinding = await GetJsonAsync("-n", "kube-public", "rolebinding", "kubeadm:bootstrap-signer-clusterinfo");
        Assert.Equal(("User", "system:anonymous"), ((string)infoBinding["subjects"]![0]!["kind"]!, (string)infoBinding["subjects"]![0]!["name"]!));

        // cluster-info, read anonymously as `kubeadm join` does first: our API server and our CA, whose public key hash
        // is the one show-join-command printed.
        var (server, caPem) = await AnonymousClusterInfoAsync();
        Assert.Equal(cluster.ControlPlane.ApiServerUrl, server);
        Assert.Equal((await File.ReadAllTextAsync(Path.Combine(Pki, "ca.crt"))).Trim(), caPem.Trim());
        var caFile = Path.Combine(cluster.Work, "cluster-info-ca.crt");
        await File.WriteAllTextAsync(caFile, caPem);
        var hash = await ClusterPhasesFixture.ToolAsync("/bin/sh", "-c",
            "openssl x509 -pubkey -noout -in \"$0\" | openssl pkey -pubin -outform der | openssl dgst -sha256 -r | cut -d' ' -f1", caFile);
        var join = cluster.FirstRun["show-join-command"];
        output.WriteLine(join);
        Assert.Contains($"kubeadm join 127.0.0.1:{cluster.ControlPlane.ApiServerPort} --token {ClusterPhasesFixture.Token}", join);
        Assert.Contains($"--discovery-token-ca-cert-hash sha256:{hash}", join);
    }

    [ControlPlaneFact]
    public async Task Should_HaveTheControllerManagerSignClusterInfo_When_TheTokenCanSign()
    {
        // The bootstrap signer (kube-controller-manager --controllers=...,bootstrapsigner) adds a detached JWS over the
        // kubeconfig for every signing token; `kubeadm join` checks it with the token secret.
        JsonNode? info = null;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            info = await GetJsonAsync("-n", "kube-public", "configmap", "cluster-info");
            if (info["data"]?["jws-kubeconfig-" + TokenId] is not null)
            {
                break;
            }

            await Task.Delay(1000);
        }

        var jws = (string?)info?["data"]?["jws-kubeconfig-" + TokenId];
        Assert.True(jws is not null, $"no jws-kubeconfig-{TokenId} after 60 s: {info}\n{cluster.ControlPlane.LogTails()}");
        output.WriteLine($"signed after {deadline.Elapsed.TotalSeconds:0.0} s");
        var parts = jws.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Equal("", parts[1]);
        var header = JsonNode.Parse(Base64Url(parts[0]))!;
        Assert.Equal(("HS256", TokenId), ((string)header["alg"]!, (string)header["kid"]!));
        var kubeconfig = (string)info!["data"]!["kubeconfig"]!;
        var signingInput = parts[0] + "." + Base64UrlEncode(Encoding.UTF8.GetBytes(kubeconfig));
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(TokenSecret), Encoding.ASCII.GetBytes(signingInput));
        Assert.Equal(Base64UrlEncode(expected), parts[2]);
    }

    [ControlPlaneFact]
    public async Task Should_GetAKubeletClientCertificateSignedByOurCa_When_ANodeBootstrapsWithTheToken()
    {
        var dir = Directory.CreateDirectory(Path.Combine(cluster.Work, "joiner-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        var nodeName = "e2e-joiner-" + Path.GetFileName(dir)[7..];
        var key = Path.Combine(dir, "kubelet.key");
        var csr = Path.Combine(dir, "kubelet.csr");
        await ClusterPhasesFixture.ToolAsync("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key);
        await ClusterPhasesFixture.ToolAsync("openssl", "req", "-new", "-key", key, "-subj", $"/O=system:nodes/CN=system:node:{nodeName}", "-out", csr);

        var name = "node-csr-" + nodeName;
        var request = new JsonObject
        {
            ["apiVersion"] = "certificates.k8s.io/v1",
            ["kind"] = "CertificateSigningRequest",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject
            {
                ["request"] = Convert.ToBase64String(await File.ReadAllBytesAsync(csr)),
                ["signerName"] = "kubernetes.io/kube-apiserver-client-kubelet",
                ["usages"] = new JsonArray("digital signature", "key encipherment", "client auth"),
            },
        };
        var token = await TokenKubeconfigAsync();
        var created = await ProcessKubelet.KubectlAsync(token, request.ToJsonString(), "create", "-f", "-");
        Assert.True(created.ExitCode == 0, $"the bootstrap token cannot create a CSR: {created.Error}");

        string certificate = "";
        JsonNode? status = null;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60) && certificate.Length == 0)
        {
            var get = await ProcessKubelet.KubectlAsync(token, null, "get", "csr", name, "-o", "json");
            Assert.True(get.ExitCode == 0, get.Error);
            status = JsonNode.Parse(get.Output)!["status"];
            certificate = (string?)status?["certificate"] ?? "";
            if (certificate.Length == 0)
            {
                await Task.Delay(500);
            }
        }

        Assert.True(certificate.Length > 0, $"CSR {name} not signed after 60 s: {status}\n{cluster.ControlPlane.LogTails()}");
        output.WriteLine($"signed after {deadline.Elapsed.TotalSeconds:0.0} s");
        var approved = status!["conditions"]!.AsArray().Single(c => (string)c!["type"]! == "Approved")!;
        Assert.Equal("AutoApproved", (string)approved["reason"]!);
        var crt = Path.Combine(dir, "kubelet.crt");
        await File.WriteAllBytesAsync(crt, Convert.FromBase64String(certificate));
        Assert.Equal($"{crt}: OK", await ClusterPhasesFixture.ToolAsync("openssl", "verify", "-CAfile", Path.Combine(Pki, "ca.crt"), crt));
        var subject = await ClusterPhasesFixture.ToolAsync("openssl", "x509", "-noout", "-subject", "-nameopt", "RFC2253", "-in", crt);
        Assert.Equal($"subject=CN=system:node:{nodeName},O=system:nodes", subject);
    }

    [ControlPlaneFact]
    public async Task Should_CreateTheCoreDnsAndKubeProxyObjects_When_AddonsRan()
    {
        Assert.Contains("[addons] Applied essential addon: CoreDNS", cluster.FirstRun["addon all"]);
        Assert.Contains("[addons] Applied essential addon: kube-proxy", cluster.FirstRun["addon all"]);

        var coredns = await GetJsonAsync("-n", Ns, "deployment", "coredns");
        Assert.Equal(2, (int)coredns["spec"]!["replicas"]!);
        Assert.Equal("kube-dns", (string)coredns["spec"]!["selector"]!["matchLabels"]!["k8s-app"]!);
        var podSpec = coredns["spec"]!["template"]!["spec"]!;
        Assert.Equal("coredns", (string)podSpec["serviceAccountName"]!);
        Assert.Equal("system-cluster-critical", (string)podSpec["priorityClassName"]!);
        Assert.StartsWith("registry.k8s.io/coredns/coredns:v", (string)podSpec["containers"]![0]!["image"]!);
        Assert.Contains(podSpec["tolerations"]!.AsArray(), t => (string?)t!["key"] == "node-role.kubernetes.io/control-plane");

        var service = await GetJsonAsync("-n", Ns, "service", "kube-dns");
        Assert.Equal("10.96.0.10", (string)service["spec"]!["clusterIP"]!);
        Assert.Equal(
            ["dns-tcp/TCP/53", "dns/UDP/53", "metrics/TCP/9153"],
            service["spec"]!["ports"]!.AsArray().Select(p => $"{p!["name"]}/{p["protocol"]}/{p["port"]}").Order());

        var corefile = (string)(await GetJsonAsync("-n", Ns, "configmap", "coredns"))["data"]!["Corefile"]!;
        Assert.Contains("kubernetes cluster.local in-addr.arpa ip6.arpa", corefile);
        Assert.Contains("forward . /etc/resolv.conf", corefile);
        await GetJsonAsync("-n", Ns, "serviceaccount", "coredns");
        var dnsRole = await GetJsonAsync("clusterrole", "system:coredns");
        Assert.Contains(dnsRole["rules"]!.AsArray(), r => Strings(r!["resources"]).Contains("endpointslices"));
        var dnsBinding = await GetJsonAsync("clusterrolebinding", "system:coredns");
        Assert.Equal(("ServiceAccount", "coredns", Ns), ((string)dnsBinding["subjects"]![0]!["kind"]!, (string)dnsBinding["subjects"]![0]!["name"]!, (string)dnsBinding["subjects"]![0]!["namespace"]!));

        var proxy = await GetJsonAsync("-n", Ns, "daemonset", "kube-proxy");
        var proxyPod = proxy["spec"]!["template"]!["spec"]!;
        Assert.Equal("registry.k8s.io/kube-proxy:v1.34.2", (string)proxyPod["containers"]![0]!["image"]!);
        Assert.Equal("kube-proxy", (string)proxyPod["serviceAccountName"]!);
        Assert.True((bool)proxyPod["hostNetwork"]!);
        var proxyConfig = await GetJsonAsync("-n", Ns, "configmap", "kube-proxy");
        Assert.Contains("kind: KubeProxyConfiguration", (string)proxyConfig["data"]!["config.conf"]!);
        Assert.Contains($"server: {cluster.ControlPlane.ApiServerUrl}", (string)proxyConfig["data"]!["kubeconfig.conf"]!);
        await GetJsonAsync("-n", Ns, "serviceaccount", "kube-proxy");
        var proxier = await GetJsonAsync("clusterrolebinding", "kubeadm:node-proxier");
        Assert.Equal("system:node-proxier", (string)proxier["roleRef"]!["name"]!);
        Assert.Equal(("ServiceAccount", "kube-proxy"), ((string)proxier["subjects"]![0]!["kind"]!, (string)proxier["subjects"]![0]!["name"]!));
        var proxyRole = (await GetJsonAsync("-n", Ns, "role", "kube-proxy"))["rules"]!.AsArray().Single()!;
        Assert.Equal(["kube-proxy"], Strings(proxyRole["resourceNames"]));
        var proxyRoleBinding = await GetJsonAsync("-n", Ns, "rolebinding", "kube-proxy");
        Assert.Equal(BootstrappersGroup, (string)proxyRoleBinding["subjects"]![0]!["name"]!);

        // The API server accepted them as valid objects: the controllers act on them (no kubelet, so no pods run).
        var deadline = Stopwatch.StartNew();
        var replicaSets = "";
        while (deadline.Elapsed < TimeSpan.FromSeconds(30) && replicaSets.Length == 0)
        {
            replicaSets = await cluster.KubectlAsync("-n", Ns, "get", "replicasets", "-l", "k8s-app=kube-dns", "-o", "name");
            await Task.Delay(replicaSets.Length == 0 ? 500 : 0);
        }

        Assert.StartsWith("replicaset.apps/coredns-", replicaSets);
    }

    [ControlPlaneFact]
    public async Task Should_ChangeNothingButWhatKubeadmRewrites_When_EveryPhaseRunsAgain()
    {
        var before = await SnapshotAsync();
        var outputs = new List<string>();
        foreach (var phase in ClusterPhasesFixture.ClusterPhases)
        {
            outputs.Add(await cluster.MustRunAsync(["init", "phase", .. phase]));
        }

        cluster.CertificateKey = ClusterPhasesFixture.ParseCertificateKey(outputs[1]);
        var after = await SnapshotAsync();

        var changed = before.Keys.Where(k => after.TryGetValue(k, out var a) && a.Version != before[k].Version).Order().ToList();
        var added = after.Keys.Except(before.Keys).Order().ToList();
        var removed = before.Keys.Except(after.Keys).ToList();
        output.WriteLine("changed: " + string.Join(", ", changed));
        output.WriteLine("added: " + string.Join(", ", added));
        Assert.Empty(removed);

        // What kubeadm itself rewrites on every run:
        // - kubeadm-certs: upload-certs encrypts again with a new random key (none was given) ...
        // - ... owned by a new 2 h token, a new bootstrap-token-* Secret (the old one is left to expire, as in kubeadm);
        // - bootstrap-token-<id>: the expiration is recomputed from now + ttl;
        // - coredns Deployment: replaced by ours, which drops the deployment.kubernetes.io/revision annotation the
        //   deployment controller had added (the controller then adds it back).
        // - cluster-info: replaced by ours without the jws-kubeconfig-* keys; the bootstrap signer re-adds them.
        // - coredns and kube-proxy ServiceAccounts (1.20 only): the token controller adds `secrets: [<sa>-token-…]`,
        //   which our replace drops and the controller adds back; 1.24+ no longer fills `secrets`, so there the
        //   replace is a no-op. Their content is compared below without `secrets`.
        var expected = new HashSet<string>(StringComparer.Ordinal)
        {
            "serviceaccount/kube-system/coredns",
            "serviceaccount/kube-system/kube-proxy",
            "secret/kube-system/kubeadm-certs",
            $"secret/kube-system/bootstrap-token-{TokenId}",
            "deployment/kube-system/coredns",
            "configmap/kube-public/cluster-info",
        };
        var unexpected = changed.Where(k => !expected.Contains(k)).ToList();
        Assert.True(unexpected.Count == 0, "changed by a re-run: " + string.Join(", ", unexpected) + "\n" +
            string.Join("\n", unexpected.Select(k => $"{k}:\n- {before[k].Content}\n+ {after[k].Content}")));
        var newSecrets = added.Where(k => k.StartsWith("secret/kube-system/bootstrap-token-", StringComparison.Ordinal)).ToList();
        Assert.Equal(added, newSecrets);
        Assert.Single(newSecrets);

        // Content that must be the same (the Deployment only differs by the controller's annotation).
        foreach (var key in before.Keys.Where(k => !expected.Contains(k) || k.StartsWith("serviceaccount/", StringComparison.Ordinal)))
        {
            Assert.Equal(before[key].Content, after[key].Content);
        }
    }

    [ControlPlaneFact]
    public async Task Should_FinishThePhase_When_TheApiServerRestartsWhileItRuns()
    {
        var controlPlane = cluster.ControlPlane;
        await cluster.KubectlAsync("-n", Ns, "delete", "configmap", "coredns", "kube-proxy", "--ignore-not-found");
        controlPlane.Stop("kube-apiserver");
        var watch = Stopwatch.StartNew();
        var phase = Task.Run(() => cluster.RunAsync("init", "phase", "addon", "all"));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(phase.IsCompleted, "the phase finished while the API server was down: " + (phase.IsCompleted ? (await phase).Output : ""));
        await controlPlane.RestartAsync("kube-apiserver");
        output.WriteLine($"API server back after {watch.Elapsed.TotalSeconds:0.0} s");
        var run = await phase;
        output.WriteLine($"phase done after {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(run.ExitCode == 0, $"addon all failed across an API server restart:\n{run.Output}\n{run.Error}");
        Assert.Contains("[addons] Applied essential addon: kube-proxy", run.Output);
        await GetJsonAsync("-n", Ns, "configmap", "coredns");
        await GetJsonAsync("-n", Ns, "configmap", "kube-proxy");

        // The kubelet restarts a static pod whose container exited: the controller-manager and scheduler exit when
        // they lose their leader lease while the API server is away.
        foreach (var component in new[] { "kube-controller-manager", "kube-scheduler" })
        {
            if (controlPlane.Components.Single(c => c.Name == component).HasExited)
            {
                output.WriteLine($"{component} exited while the API server was down; restarting it as the kubelet would");
                await controlPlane.RestartAsync(component);
            }
        }
    }

    [ControlPlaneFact]
    public async Task Should_CreateListAndDeleteTokens_When_TokenCommandsRunAgainstTheApiServer()
    {
        var join = (await cluster.MustRunAsync("token", "create", "--print-join-command", "--description", "e2e print-join", "--ttl", "1h")).Trim();
        output.WriteLine(join);
        var match = JoinCommand().Match(join);
        Assert.True(match.Success, join);
        Assert.Equal(cluster.ControlPlane.ApiServerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups["port"].Value);
        var token = match.Groups["token"].Value;
        var id = token[..6];
        Assert.Contains($"--discovery-token-ca-cert-hash sha256:{match.Groups["hash"].Value}", cluster.FirstRun["show-join-command"]);

        var secret = await GetJsonAsync("-n", Ns, "secret", "bootstrap-token-" + id);
        Assert.Equal(token[7..], Data(secret)["token-secret"]);
        Assert.Equal("e2e print-join", Data(secret)["description"]);

        // The new token authenticates against the real API server.
        var whoami = await ProcessKubelet.KubectlAsync(await TokenKubeconfigAsync(token), null, "get", "node", ClusterPhasesFixture.NodeName, "-o", "name");
        Assert.True(whoami.ExitCode == 0, whoami.Error);

        var list = await cluster.MustRunAsync("token", "list");
        output.WriteLine(list);
        Assert.StartsWith("TOKEN", list);
        Assert.Matches($@"(?m)^{Regex.Escape(token)}\s+(59m|1h)\s+\S+\s+authentication,signing\s+e2e print-join\s+{Regex.Escape(BootstrappersGroup)}$", list);
        Assert.Matches($@"(?m)^{Regex.Escape(ClusterPhasesFixture.Token)}\s+23h\s+", list);

        var deleted = await cluster.MustRunAsync("token", "delete", id);
        Assert.Equal($"bootstrap token \"{id}\" deleted", deleted.Trim());
        var gone = await cluster.ControlPlane.KubectlAsync("-n", Ns, "get", "secret", "bootstrap-token-" + id);
        Assert.Contains("NotFound", gone.Error);
        Assert.DoesNotContain(token, await cluster.MustRunAsync("token", "list"));
        // The API server's token authenticator reads Secrets through an informer: the deletion reaches it shortly.
        var bootstrap = await TokenKubeconfigAsync(token);
        var rejected = new CommandResult(0, "", "");
        for (var attempt = 0; attempt < 40 && !rejected.Error.Contains("Unauthorized", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 250);
            rejected = await ProcessKubelet.KubectlAsync(bootstrap, null, "get", "node", ClusterPhasesFixture.NodeName);
        }

        Assert.Contains("Unauthorized", rejected.Error);
    }

    private async Task<JsonNode> GetJsonAsync(params string[] args)
    {
        // [-n ns] kind name
        var json = await cluster.KubectlAsync([.. args.Take(args.Length - 2), "get", args[^2], args[^1], "-o", "json"]);
        return JsonNode.Parse(json)!;
    }

    private static List<string> Keys(JsonNode? node) => node is JsonObject o ? [.. o.Select(p => p.Key)] : [];

    private static List<string> Strings(JsonNode? node) => node is JsonArray a ? [.. a.Select(n => (string)n!)] : [];

    private static Dictionary<string, string> Data(JsonNode secret) =>
        secret["data"]!.AsObject().ToDictionary(p => p.Key, p => Encoding.UTF8.GetString(Convert.FromBase64String((string)p.Value!)));

    private static string Base64Url(string text) =>
        Encoding.UTF8.GetString(Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=')));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>cluster-info's kubeconfig, fetched without credentials (as system:anonymous).</summary>
    private async Task<(string Server, string CaPem)> AnonymousClusterInfoAsync()
    {
        using var handler = new SocketsHttpHandler { UseProxy = false };
#pragma warning disable CA5359 // `kubeadm join` fetches cluster-info before it trusts the CA, then checks the CA's hash.
        handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true };
#pragma warning restore CA5359
        using var client = new HttpClient(handler);
        var body = await client.GetStringAsync(cluster.ControlPlane.ApiServerUrl + "/api/v1/namespaces/kube-public/configmaps/cluster-info");
        var kubeconfig = (string)JsonNode.Parse(body)!["data"]!["kubeconfig"]!;
        var server = Regex.Match(kubeconfig, @"server: (\S+)").Groups[1].Value;
        var ca = Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Match(kubeconfig, @"certificate-authority-data: (\S+)").Groups[1].Value));
        return (server, ca);
    }

    /// <summary>A kubeconfig as a joining kubelet builds it: cluster-info's server and CA, and the bootstrap token alone.</summary>
    private async Task<string> TokenKubeconfigAsync(string token = ClusterPhasesFixture.Token)
    {
        var (server, ca) = await AnonymousClusterInfoAsync();
        var path = Path.Combine(cluster.Work, $"bootstrap-{token[..6]}.conf");
        await File.WriteAllTextAsync(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: kubernetes
              cluster:
                server: {server}
                certificate-authority-data: {Convert.ToBase64String(Encoding.UTF8.GetBytes(ca))}
            users:
            - name: tls-bootstrap-token-user
              user:
                token: {token}
            contexts:
            - name: tls-bootstrap-token-user@kubernetes
              context:
                cluster: kubernetes
                user: tls-bootstrap-token-user
            current-context: tls-bootstrap-token-user@kubernetes
            """);
        return path;
    }

    /// <summary>resourceVersion and content (metadata noise removed) of every object the cluster phases manage.</summary>
    private async Task<Dictionary<string, (string Version, string Content)>> SnapshotAsync()
    {
        var snapshot = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (kinds, ns) in new[]
        {
            ("configmaps,secrets,roles,rolebindings,deployments,daemonsets,services,serviceaccounts", Ns),
            ("configmaps,roles,rolebindings", "kube-public"),
            ("clusterroles,clusterrolebindings,nodes", ""),
        })
        {
            string[] args = ns.Length == 0 ? ["get", kinds, "-o", "json"] : ["-n", ns, "get", kinds, "-o", "json"];
            foreach (var item in JsonNode.Parse(await cluster.KubectlAsync(args))!["items"]!.AsArray())
            {
                var metadata = item!["metadata"]!.AsObject();
                var name = (string)metadata["name"]!;
                var kind = ((string)item["kind"]!).ToLowerInvariant();
                if (kind == "secret" && (string?)item["type"] == "kubernetes.io/service-account-token")
                {
                    continue;
                }

                if (kind is "clusterrole" or "clusterrolebinding" && !(name.StartsWith("kubeadm:", StringComparison.Ordinal) || name == "system:coredns"))
                {
                    continue;
                }

                if (kind == "configmap" && name is "extension-apiserver-authentication" or "kube-root-ca.crt")
                {
                    continue;
                }

                if (kind is "node" or "deployment" or "daemonset")
                {
                    // Status and controller bookkeeping change on their own; compare what kubeadm sets.
                    item.AsObject().Remove("status");
                    metadata["annotations"]?.AsObject().Remove("deployment.kubernetes.io/revision");
                    metadata["annotations"]?.AsObject().Remove("node.alpha.kubernetes.io/ttl");
                }

                var version = (string)metadata["resourceVersion"]!;
                if (kind == "node")
                {
                    // The node lifecycle controller updates it on its own (taints, annotations): compare content only.
                    version = "-";
                    var taints = item["spec"]?["taints"]?.AsArray();
                    foreach (var own in taints?.Where(t => ((string)t!["key"]!).StartsWith("node.kubernetes.io/", StringComparison.Ordinal)).ToList() ?? [])
                    {
                        taints!.Remove(own);
                    }
                }

                foreach (var noise in new[] { "resourceVersion", "managedFields", "generation" })
                {
                    metadata.Remove(noise);
                }

                if (kind == "serviceaccount")
                {
                    item.AsObject().Remove("secrets");
                }

                snapshot[$"{kind}/{(ns.Length == 0 ? "" : ns + "/")}{name}".Replace("//", "/", StringComparison.Ordinal)] = (version, item.ToJsonString());
            }
        }

        return snapshot;
    }

    [GeneratedRegex(@"^kubeadm join 127\.0\.0\.1:(?<port>\d+) --token (?<token>[a-z0-9]{6}\.[a-z0-9]{16}) --discovery-token-ca-cert-hash sha256:(?<hash>[0-9a-f]{64})\s*$")]
    private static partial Regex JoinCommand();
}
