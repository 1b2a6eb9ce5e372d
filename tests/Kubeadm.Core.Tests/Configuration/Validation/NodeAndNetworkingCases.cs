using Kubeadm.Core.Configuration;

namespace Kubeadm.Core.Tests.Configuration.Validation;

/// <summary>Broken nodeRegistration, bootstrapTokens and networking settings.</summary>
internal static class NodeAndNetworkingCases
{
    private const string DualStack = "expected one (IPv4 or IPv6) CIDR or two CIDRs from each family for dual-stack networking";

    public static IEnumerable<InvalidConfigCase> All =>
    [
        new("node name empty", c => c.Init.NodeRegistration.Name = "", "nodeRegistration.name", ExpectedMessages.NodeNameRequired),
        new("node name not DNS-1123", c => c.Init.NodeRegistration.Name = "Node_1", "nodeRegistration.name",
            "nodeRegistration.name: Invalid value: \"Node_1\": " + ExpectedMessages.Rfc1123Subdomain),
        new("node name too long", c => c.Init.NodeRegistration.Name = new string('a', 254), "nodeRegistration.name",
            $"nodeRegistration.name: Invalid value: \"{new string('a', 254)}\": must be no more than 253 characters"),
        new("cri socket empty", c => c.Init.NodeRegistration.CriSocket = "", "nodeRegistration.criSocket",
            "nodeRegistration.criSocket: Invalid value: \"\": empty CRI socket"),
        new("cri socket tcp", c => c.Init.NodeRegistration.CriSocket = "tcp://localhost:1234", "nodeRegistration.criSocket",
            "nodeRegistration.criSocket: Invalid value: \"tcp://localhost:1234\": only URL scheme \"unix\" is supported, got \"tcp\""),
        new("cri socket relative path", c => c.Init.NodeRegistration.CriSocket = "run/containerd.sock", "nodeRegistration.criSocket",
            "nodeRegistration.criSocket: Invalid value: \"run/containerd.sock\": only URL scheme \"unix\" is supported, got \"\""),
        new("cri socket unparsable", c => c.Init.NodeRegistration.CriSocket = ":bad", "nodeRegistration.criSocket",
            "nodeRegistration.criSocket: Invalid value: \":bad\": URL parsing error: parse \":bad\": missing protocol scheme"),
        new("kubelet extra arg without name", c => c.Init.NodeRegistration.KubeletExtraArgs.Add(new Arg("", "x")),
            "nodeRegistration.kubeletExtraArgs[1].name",
            "nodeRegistration.kubeletExtraArgs[1].name: Required value: argument has no name"),
        new("image pull policy unknown", c => c.Init.NodeRegistration.ImagePullPolicy = "Sometimes", "nodeRegistration.imagePullPolicy",
            "nodeRegistration.imagePullPolicy: Invalid value: \"Sometimes\": invalid pull policy"),
        new("token upper case", c => c.Init.BootstrapTokens[0].Token = "ABCDEF.0123456789abcdef", "bootstrapTokens[0].token",
            "bootstrapTokens[0].token: Invalid value: \"ABCDEF.<redacted>\": the bootstrap token is invalid"),
        new("token without dot", c => c.Init.BootstrapTokens[0].Token = "abcdef0123456789abcdef", "bootstrapTokens[0].token",
            "bootstrapTokens[0].token: Invalid value: \"<redacted>\": the bootstrap token is invalid"),
        new("token usage unknown", c => c.Init.BootstrapTokens[0].Usages.Add("bogus"), "bootstrapTokens[0].usages",
            "bootstrapTokens[0].usages: Invalid value: []string{\"signing\", \"authentication\", \"bogus\"}: "
            + "invalid bootstrap token usage string: bogus, valid usage options: signing,authentication"),
        new("token groups without authentication", c => c.Init.BootstrapTokens[0].Usages = ["signing"], "bootstrapTokens[0].groups",
            "bootstrapTokens[0].groups: Invalid value: []string{\"system:bootstrappers:kubeadm:default-node-token\"}: "
            + "token groups cannot be specified unless --usages includes \"authentication\""),
        new("token group pattern", c => c.Init.BootstrapTokens[0].Groups = ["system:nodes"], "bootstrapTokens[0].groups",
            "bootstrapTokens[0].groups: Invalid value: []string{\"system:nodes\"}: bootstrap group \"system:nodes\" is invalid "
            + @"(must match \Asystem:bootstrappers:[a-z0-9:-]{0,255}[a-z0-9]\z)"),
        new("token ttl and expires", c => c.Init.BootstrapTokens[0].Expires = DateTimeOffset.UnixEpoch, "bootstrapTokens[0]",
            "bootstrapTokens[0]: Invalid value: \"\": the BootstrapToken .TTL and .Expires fields are mutually exclusive"),
        new("token ttl negative", c => c.Init.BootstrapTokens[0].Ttl = TimeSpan.FromHours(-1), "bootstrapTokens[0].ttl",
            "bootstrapTokens[0].ttl: Invalid value: -1h0m0s: must not be negative"),
        new("dns domain upper case", c => c.Cluster.Networking.DnsDomain = "Cluster.Local", "networking.dnsDomain",
            "networking.dnsDomain: Invalid value: \"Cluster.Local\": " + ExpectedMessages.Rfc1123Subdomain),
        new("service subnet too small", c => c.Cluster.Networking.ServiceSubnet = "10.96.0.0/30", "networking.serviceSubnet",
            "networking.serviceSubnet: Invalid value: \"10.96.0.0/30\": subnet with 4 address(es) is too small, the minimum is 10"),
        new("service subnet unparsable", c => c.Cluster.Networking.ServiceSubnet = "10.96.0.0", "networking.serviceSubnet",
            "networking.serviceSubnet: Invalid value: \"10.96.0.0\": couldn't parse subnet"),
        new("service subnet with space", c => c.Cluster.Networking.ServiceSubnet = "10.96.0.0/12, fd00::/108", "networking.serviceSubnet",
            "networking.serviceSubnet: Invalid value: \"10.96.0.0/12, fd00::/108\": couldn't parse subnet"),
        new("service subnets same family", c => c.Cluster.Networking.ServiceSubnet = "10.96.0.0/16,10.97.0.0/16", "networking.serviceSubnet",
            "networking.serviceSubnet: Invalid value: \"10.96.0.0/16,10.97.0.0/16\": " + DualStack),
        new("service subnets three", c => c.Cluster.Networking.ServiceSubnet = "10.96.0.0/16,fd00::/108,10.97.0.0/16", "networking.serviceSubnet",
            "networking.serviceSubnet: Invalid value: \"10.96.0.0/16,fd00::/108,10.97.0.0/16\": " + DualStack),
        new("service subnet too large IPv4", c => c.Cluster.Networking.ServiceSubnet = "10.0.0.0/8", "networking.serviceSubnet",
            "networking.serviceSubnet: Invalid value: \"10.0.0.0/8\": specified service subnet is too large; for 32-bit addresses, the mask must be >= 12"),
        new("service subnet too large IPv6", c => c.Cluster.Networking.ServiceSubnet = "fd00::/64", "networking.serviceSubnet",
            "networking.serviceSubnet: Invalid value: \"fd00::/64\": specified service subnet is too large; for 128-bit addresses, the mask must be >= 108"),
        new("pod subnet too small", c => c.Cluster.Networking.PodSubnet = "10.244.0.0/29", "networking.podSubnet",
            "networking.podSubnet: Invalid value: \"10.244.0.0/29\": subnet with 8 address(es) is too small, the minimum is 14"),
        new("pod subnet smaller than node mask", c => c.Cluster.Networking.PodSubnet = "10.244.0.0/25", "networking.podSubnet",
            "networking.podSubnet: Invalid value: \"10.244.0.0/25\": the size of pod subnet with mask 25 is smaller than the size of node subnet with mask 24"),
        new("pod subnet too many nodes", c => c.Cluster.Networking.PodSubnet = "10.0.0.0/7", "networking.podSubnet",
            "networking.podSubnet: Invalid value: \"10.0.0.0/7\": pod subnet mask (7) and node-mask (24) difference is greater than 16"),
        new("pod subnet IPv6 too many nodes", c => c.Cluster.Networking.PodSubnet = "fd00::/40", "networking.podSubnet",
            "networking.podSubnet: Invalid value: \"fd00::/40\": pod subnet mask (40) and node-mask (64) difference is greater than 16"),
        new("pod subnet custom node mask", c => c.Cluster.ControllerManager.ExtraArgs.Add(new Arg("node-cidr-mask-size-ipv4", "12")),
            "networking.podSubnet",
            "networking.podSubnet: Invalid value: \"10.244.0.0/16\": the size of pod subnet with mask 16 is smaller than the size of node subnet with mask 12"),
        new("node mask not a number", c => c.Cluster.ControllerManager.ExtraArgs.Add(new Arg("node-cidr-mask-size-ipv4", "abc")),
            "networking.podSubnet",
            "networking.podSubnet: Invalid value: \"10.244.0.0/16\": could not parse the value of the kube-controller-manager flag "
            + "node-cidr-mask-size-ipv4 as an integer: strconv.Atoi: parsing \"abc\": invalid syntax"),
    ];
}
