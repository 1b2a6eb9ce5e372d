using System.Text;

namespace Kubeadm.Core.Join;

/// <summary>
/// The `kubeadm join` command line kubeadm prints, in its exact shape: continuation lines are a backslash, a newline
/// and a tab; every hash flag is followed by one space (so the worker command ends with a space, and so does
/// "--control-plane " when no key is known).
/// </summary>
public static class JoinCommand
{
    /// <summary>What --skip-token-print and --skip-certificate-key-print show instead of the secret.</summary>
    public const string WithheldValue = "<value withheld>";

    public static string Worker(JoinTarget target, string token, bool withholdToken = false) =>
        Format(target, withholdToken ? WithheldValue : token, controlPlane: false, certificateKey: "");

    /// <summary>The control-plane variant; <paramref name="certificateKey"/> empty leaves out --certificate-key.</summary>
    public static string ControlPlane(JoinTarget target, string token, string certificateKey, bool withholdToken = false, bool withholdCertificateKey = false) =>
        Format(
            target,
            withholdToken ? WithheldValue : token,
            controlPlane: true,
            withholdCertificateKey ? WithheldValue : certificateKey);

    /// <summary>
    /// The command on one line, as `kubeadm token create --print-join-command` prints it: the line continuations and
    /// tabs removed (the trailing space stays).
    /// </summary>
    public static string SingleLine(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Replace("\\\n", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);
    }

    private static string Format(JoinTarget target, string token, bool controlPlane, string certificateKey)
    {
        ArgumentNullException.ThrowIfNull(target);
        var command = new StringBuilder();
        command.Append("kubeadm join ").Append(target.HostPort).Append(" --token ").Append(token).Append(" \\\n\t");
        foreach (var hash in target.CaCertHashes)
        {
            command.Append("--discovery-token-ca-cert-hash ").Append(hash).Append(' ');
        }

        if (controlPlane)
        {
            command.Append("\\\n\t--control-plane ");
            if (certificateKey.Length > 0)
            {
                command.Append("--certificate-key ").Append(certificateKey);
            }
        }

        return command.ToString();
    }
}
