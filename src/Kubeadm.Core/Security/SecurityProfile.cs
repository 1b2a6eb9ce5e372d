namespace Kubeadm.Core.Security;

/// <summary>
/// How hardened the generated control plane and kubelet are. <see cref="None"/> is kubeadm's output, byte for byte;
/// <see cref="Cis"/> adds the settings that make the CIS Kubernetes Benchmark checks kubeadm fails pass.
/// </summary>
public enum SecurityProfile
{
    None,
    Cis,
}

/// <summary>The names of the profiles as the flag and the config document spell them.</summary>
public static class SecurityProfiles
{
    public const string CisName = "cis";
    public const string NoneName = "none";

    /// <summary>Parses a profile name; throws a user error naming <paramref name="source"/> for anything else.</summary>
    public static SecurityProfile Parse(string value, string source)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            CisName => SecurityProfile.Cis,
            NoneName or "" => SecurityProfile.None,
            _ => throw new Errors.KubeadmUserException(
                $"invalid value \"{value}\" for {source}: the security profile must be one of \"{CisName}\", \"{NoneName}\""),
        };
    }
}
