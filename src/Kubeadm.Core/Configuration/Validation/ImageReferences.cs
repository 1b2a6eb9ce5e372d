using System.Text.RegularExpressions;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>
/// The image-reference grammar of github.com/distribution/reference, which kubeadm uses to check that
/// "&lt;imageRepository&gt;/name:tag" is a valid reference: an optional registry host[:port] (upper case allowed,
/// IPv6 in brackets) followed by lower-case path components.
/// </summary>
internal static partial class ImageReferences
{
    // Every component is an atomic group: what may follow one (".", "/", ":", "@" or the end) can never extend it, so
    // its longest match is the only one worth trying, and a bad input fails in linear time. The grammar is the one Go
    // matches with its linear-time engine; the source generator compiles it (the NonBacktracking engine cannot be
    // generated, and building it at run time cost 0.6 MiB and a second regex engine in every init).
    private const string PathComponent = "(?>[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)";
    private const string RemoteName = PathComponent + "(?:/" + PathComponent + ")*";
    private const string DomainComponent = "(?>[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)";
    private const string DomainName = DomainComponent + @"(?:\." + DomainComponent + ")*";
    private const string Host = "(?:" + DomainName + @"|\[[a-fA-F0-9:]+\])";
    private const string DomainAndPort = Host + "(?::[0-9]+)?";
    private const string Name = "(?:" + DomainAndPort + "/)?" + RemoteName;

    // Go's \w is ASCII-only; .NET's is Unicode, so the classes are spelled out.
    private const string Tag = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
    private const string Digest = "(?>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*):[0-9A-Fa-f]{32,}";

    public static bool IsValidRepository(string repository) => ReferenceRegex().IsMatch(repository + "/name:tag");

    public static bool IsValidTag(string tag) => TagRegex().IsMatch(tag);

    [GeneratedRegex("^" + Name + "(?::" + Tag + ")?(?:@" + Digest + @")?\z", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceRegex();

    [GeneratedRegex("^" + Tag + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagRegex();
}
