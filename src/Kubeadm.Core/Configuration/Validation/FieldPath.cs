namespace Kubeadm.Core.Configuration.Validation;

/// <summary>Builds field paths such as <c>apiServer.certSANs[2]</c>.</summary>
internal static class FieldPath
{
    public static string Child(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    public static string Index(string parent, int index) =>
        parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
}
