using Kubeadm.Core.Configuration.Validation;

namespace Kubeadm.Core.Tests.Configuration.Validation;

public sealed class ValidationErrorTests
{
    public static TheoryData<ValidationError, string> Formats => new()
    {
        { ValidationError.Invalid("networking.serviceSubnet", "10.96.0.0/30", "too small"), "networking.serviceSubnet: Invalid value: \"10.96.0.0/30\": too small" },
        { ValidationError.Invalid("a", "quote\" and \\ and \n", "bad"), "a: Invalid value: \"quote\\\" and \\\\ and \\n\": bad" },
        { ValidationError.InvalidLiteral("localAPIEndpoint.bindPort", "0", "port number is not valid"), "localAPIEndpoint.bindPort: Invalid value: 0: port number is not valid" },
        { ValidationError.Required("nodeRegistration.name", "needed"), "nodeRegistration.name: Required value: needed" },
        { ValidationError.Required("x", ""), "x: Required value" },
        { ValidationError.Unsupported("p", "Sometimes", ["Always", "Never"]), "p: Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\"" },
        { ValidationError.General("kubernetesVersion", "v1", "plain message"), "plain message" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Should_FormatLikeFieldErrorList_When_Printed(ValidationError error, string expected)
    {
        Assert.Equal(expected, error.ToString());
    }
}
