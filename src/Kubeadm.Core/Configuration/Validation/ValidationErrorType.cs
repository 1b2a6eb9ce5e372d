namespace Kubeadm.Core.Configuration.Validation;

/// <summary>The kinds of field error kubeadm reports (apimachinery's field.ErrorType), which decide how one is printed.</summary>
public enum ValidationErrorType
{
    /// <summary>"Invalid value: &lt;value&gt;: &lt;message&gt;".</summary>
    Invalid,

    /// <summary>"Required value: &lt;message&gt;".</summary>
    Required,

    /// <summary>"Unsupported value: &lt;value&gt;: &lt;message&gt;".</summary>
    Unsupported,

    /// <summary>An error not tied to one field's value; printed as the message alone.</summary>
    General,
}
