using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Tests.Configuration.Validation;

public sealed class IgnorePreflightErrorsValidatorTests
{
    public static TheoryData<string[], string[], string[]> Merges => new()
    {
        { [], [], [] },
        { ["Port-6443", "Swap"], ["swap", "NumCPU"], ["numcpu", "port-6443", "swap"] },
        { ["ALL"], ["all"], ["all"] },
    };

    [Theory]
    [MemberData(nameof(Merges))]
    public void Should_ReturnLowerCasedUnion_When_ListsAreCombined(string[] fromFlag, string[] fromConfig, string[] expected)
    {
        Assert.Equal(expected, IgnorePreflightErrorsValidator.Normalize(fromFlag, fromConfig));
    }

    [Theory]
    [InlineData(new[] { "all", "Swap" }, new string[0])]
    [InlineData(new[] { "all" }, new[] { "swap" })]
    public void Should_Throw_When_AllIsCombinedWithIndividualChecks(string[] fromFlag, string[] fromConfig)
    {
        var exception = Assert.Throws<ValidationException>(() => IgnorePreflightErrorsValidator.Normalize(fromFlag, fromConfig));

        Assert.Equal("ignore-preflight-errors: Invalid value: \"all,swap\": don't specify individual checks if 'all' is used", exception.Message);
    }
}
