using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>The output of `kubeadm config print join-defaults`: a defaulted v1beta4 JoinConfiguration with placeholder values.</summary>
public static class JoinDefaultsPrinter
{
    public const string PlaceholderApiServerEndpoint = "kube-apiserver:6443";

    public static JoinConfiguration CreateConfig()
    {
        var join = new JoinConfiguration();
        join.Discovery.BootstrapToken = new BootstrapTokenDiscovery
        {
            Token = InitDefaultsPrinter.PlaceholderToken,
            ApiServerEndpoint = PlaceholderApiServerEndpoint,
            UnsafeSkipCaVerification = true,
        };
        join.NodeRegistration.Name = InitDefaultsPrinter.PlaceholderNodeName;
        join.NodeRegistration.CriSocket = KubeadmConstants.DefaultCriSocket;
        JoinConfigDefaults.Apply(join);
        return join;
    }

    public static string Print() => JsonYamlWriter.Write(JoinConfigurationJsonBuilder.Build(CreateConfig()));
}
