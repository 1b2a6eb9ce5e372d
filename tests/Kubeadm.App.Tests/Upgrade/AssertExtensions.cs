namespace Kubeadm.App.Tests.Upgrade;

internal static class AssertExtensions
{
    public static void ShouldBeNull(this Exception? error) => Assert.True(error is null, error?.ToString());
}
