namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>Bounded polling for the multi-node tests: a condition checked every <c>interval</c> until it holds or the time is up.</summary>
internal static class Eventually
{
    /// <summary>True as soon as <paramref name="condition"/> holds; false when <paramref name="timeout"/> passed without it.</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(500));
        }
    }
}
