using System.Text.RegularExpressions;
using Kubeadm.Core.Configuration.Validation;

namespace Kubeadm.Core.Tests.Configuration.Validation;

/// <summary>
/// The image-repository check against an oracle: distribution/reference's grammar exactly as written there (no atomic
/// groups), run by .NET's linear-time NonBacktracking engine, must agree with the validator on every input.
/// </summary>
public sealed class ImageRepositoryGrammarTests
{
    private const string Alphanumeric = "[a-z0-9]+";
    private const string Separator = "(?:[._]|__|[-]+)";
    private const string PathComponent = Alphanumeric + "(?:" + Separator + Alphanumeric + ")*";
    private const string DomainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private const string DomainName = DomainComponent + @"(?:\." + DomainComponent + ")*";
    private const string Host = "(?:" + DomainName + @"|\[[a-fA-F0-9:]+\])";
    private const string Name = "(?:" + Host + "(?::[0-9]+)?/)?" + PathComponent + "(?:/" + PathComponent + ")*";
    private const string Tag = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
    private const string Digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}";

    private static readonly Regex Oracle = new(
        "^" + Name + "(?::" + Tag + ")?(?:@" + Digest + @")?\z", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    public static TheoryData<string, bool> KnownRepositories => new()
    {
        { "registry.k8s.io", true },
        { "registry.k8s.io/coredns", true },
        { "localhost:5000/mirror", true },
        { "[::1]:5000/mirror", true },
        { "Registry.Example.COM/mirror", true },
        { "my-registry.example.com/team__name/a.b_c---d", true },
        { "registry.k8s.io/Mirror", false },
        { "registry.k8s.io/", false },
        { "dns..bad", false },
        { "bad repo", false },
        { "a_-b", false },
        { "-registry/x", false },
        { "registry-/x", false },
    };

    [Theory]
    [MemberData(nameof(KnownRepositories))]
    public void Should_AgreeWithDistributionsGrammar_When_RepositoryIsKnown(string repository, bool valid)
    {
        Assert.Equal(valid, Oracle.IsMatch(repository + "/name:tag"));
        Assert.Equal(valid, IsAccepted(repository));
    }

    [Fact]
    public void Should_AgreeWithTheLinearTimeOracle_When_RepositoriesAreRandom()
    {
        const string alphabet = "ab0Z.-_/:[]@ ";
        var random = new Random(20261205);
        var disagreements = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            var chars = new char[random.Next(1, 24)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var repository = new string(chars);
            if (Oracle.IsMatch(repository + "/name:tag") != IsAccepted(repository))
            {
                disagreements.Add(repository);
            }
        }

        Assert.Empty(disagreements);
    }

    [Theory]
    [InlineData("a", "-a", "!")]
    [InlineData("a", "__a", "_")]
    [InlineData("a", ".a", "-")]
    [InlineData("host", "-host", "-/x")]
    public void Should_RejectALongBadRepository_When_ItsComponentsRepeat(string head, string repeated, string tail)
    {
        // Under a backtracking engine without atomic groups these inputs take exponential time; here they must end.
        var repository = head + string.Concat(Enumerable.Repeat(repeated, 20_000)) + tail;

        Assert.False(IsAccepted(repository));
    }

    private static bool IsAccepted(string repository) =>
        ConfigValidator.Validate(ValidConfigBuilder.With(c => c.Cluster.ImageRepository = repository))
            .All(e => e.FieldPath != "imageRepository");
}
