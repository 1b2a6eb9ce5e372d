namespace Kubeadm.Workflow;

/// <summary>Builds the shared context once, on first use; a failed build is retried on the next use.</summary>
internal sealed class LazyContext<TContext>(Func<TContext> factory)
{
    private readonly Lock _lock = new();
    private TContext? _value;
    private bool _created;

    public bool IsCreated
    {
        get
        {
            lock (_lock)
            {
                return _created;
            }
        }
    }

    public TContext Get()
    {
        lock (_lock)
        {
            if (!_created)
            {
                _value = factory();
                _created = true;
            }

            return _value!;
        }
    }
}
