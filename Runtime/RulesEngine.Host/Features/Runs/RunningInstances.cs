using System.Collections.Concurrent;

namespace RulesEngine.Host.Features.Runs;

/// <summary>Instances running in this process, so a cancel request can stop one mid-run.</summary>
internal sealed class RunningInstances
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);

    /// <summary>Marks the instance as running here; null when it already runs here (the caller must not run it twice).</summary>
    public CancellationTokenSource? TryRegister(string instanceId, CancellationToken outer)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
        if (_running.TryAdd(instanceId, cts))
        {
            return cts;
        }

        cts.Dispose();
        return null;
    }

    public void Unregister(string instanceId) => _running.TryRemove(instanceId, out _);

    /// <summary>Cancels the instance when it runs here; false when it does not.</summary>
    public bool TryCancel(string instanceId)
    {
        if (_running.TryGetValue(instanceId, out var cts))
        {
            cts.Cancel();
            return true;
        }

        return false;
    }
}
