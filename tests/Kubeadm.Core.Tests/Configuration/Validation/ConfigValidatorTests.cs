using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Tests.Configuration.Validation;

public sealed class ConfigValidatorTests
{
    private static readonly Dictionary<string, InvalidConfigCase> InvalidCases =
        NodeAndNetworkingCases.All.Concat(ClusterCases.All).ToDictionary(c => c.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, AcceptedConfigCase> AcceptedCasesByName =
        AcceptedCases.All.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> InvalidCaseNames => new(InvalidCases.Keys);

    public static TheoryData<string> AcceptedCaseNames => new(AcceptedCasesByName.Keys);

    [Fact]
    public void Should_ReportNothing_When_ConfigIsValid()
    {
        var result = ConfigValidator.ValidateWithWarnings(ValidConfigBuilder.Build());

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.True(result.IsValid);
    }

    [Theory]
    [MemberData(nameof(InvalidCaseNames))]
    public void Should_ReportKubeadmError_When_FieldIsInvalid(string caseName)
    {
        var invalid = InvalidCases[caseName];

        var errors = ConfigValidator.Validate(ValidConfigBuilder.With(invalid.Break));

        Assert.Contains(invalid.Expected, errors.Select(e => e.ToString()));
        Assert.All(errors, e => Assert.Equal(invalid.FieldPath, e.FieldPath));
    }

    [Theory]
    [MemberData(nameof(AcceptedCaseNames))]
    public void Should_Accept_When_EdgeCaseIsValid(string caseName)
    {
        var accepted = AcceptedCasesByName[caseName];

        var result = ConfigValidator.ValidateWithWarnings(ValidConfigBuilder.With(accepted.Change));

        Assert.Empty(result.Errors);
        Assert.Equal(accepted.ExpectedWarning is null ? [] : [accepted.ExpectedWarning], result.Warnings);
    }

    [Fact]
    public void Should_ReportEveryError_When_SeveralFieldsAreInvalid()
    {
        var config = ValidConfigBuilder.With(c =>
        {
            c.Init.NodeRegistration.Name = "Bad_Name";
            c.Init.BootstrapTokens[0].Token = "bad";
            c.Cluster.Networking.ServiceSubnet = "10.96.0.0/30";
            c.Cluster.CertificatesDir = "pki";
            c.Init.LocalApiEndpoint.BindPort = 0;
        });

        var paths = ConfigValidator.Validate(config).Select(e => e.FieldPath);

        Assert.Equal(
            ["nodeRegistration.name", "bootstrapTokens[0].token", "networking.serviceSubnet", "certificatesDir", "localAPIEndpoint.bindPort"],
            paths);
    }

    [Fact]
    public void Should_ThrowWithEveryFormattedError_When_ValidateOrThrowFindsErrors()
    {
        var config = ValidConfigBuilder.With(c =>
        {
            c.Cluster.ImageRepository = "Bad Repo";
            c.Cluster.EncryptionAlgorithm = "DSA";
        });

        var exception = Assert.Throws<ValidationException>(() => ConfigValidator.ValidateOrThrow(config));

        Assert.Equal(
            [
                "imageRepository: Invalid value: \"Bad Repo\": invalid image repository format",
                "encryptionAlgorithm: Invalid value: \"DSA\": Invalid encryption algorithm \"DSA\". Must be one of [ECDSA-P256 ECDSA-P384 RSA-2048 RSA-3072 RSA-4096]",
            ],
            exception.Errors);
    }

    [Fact]
    public void Should_ReturnWarnings_When_ValidateOrThrowFindsNoErrors()
    {
        var config = ValidConfigBuilder.With(c => c.Cluster.KubernetesVersion = "v1.36.0");

        var result = ConfigValidator.ValidateOrThrow(config);

        Assert.Single(result.Warnings);
    }

    [Theory]
    [InlineData("ABCDEF.0123456789abcdef", "0123456789abcdef")]
    [InlineData("abcdef.0123456789ABCDEF", "0123456789ABCDEF")]
    [InlineData("abcdef0123456789abcdef", "0123456789abcdef")]
    public void Should_NotPrintTokenSecret_When_TokenIsInvalid(string token, string secret)
    {
        var config = ValidConfigBuilder.With(c => c.Init.BootstrapTokens[0].Token = token);

        var error = Assert.Single(ConfigValidator.Validate(config));

        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_NotPrintCertificateKey_When_KeyIsInvalid()
    {
        var key = ValidConfigBuilder.CertificateKey + "00";
        var config = ValidConfigBuilder.With(c => c.Init.CertificateKey = key);

        var error = Assert.Single(ConfigValidator.Validate(config));

        Assert.Equal("certificateKey: Invalid value: \"<redacted>\": invalid certificate key size 33, the key must be an AES key of size 32", error.ToString());
    }
}
