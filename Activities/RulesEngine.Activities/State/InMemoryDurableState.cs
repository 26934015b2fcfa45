using System.Collections.Concurrent;

namespace RulesEngine.Activities.State;

/// <summary>Durable state kept in memory: for CLI runs and tests; lost when the process ends.</summary>
public sealed class InMemoryDurableState : IDurableState
{
    private readonly ConcurrentDictionary<string, byte> _once = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _snapshots = new(StringComparer.Ordinal);

    public ValueTask<bool> TryAddOnceAsync(string tenantId, string scope, string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_once.TryAdd($"{tenantId}\n{scope}\n{key}", 0));

    public ValueTask<string?> GetSnapshotAsync(string tenantId, string scope, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_snapshots.TryGetValue($"{tenantId}\n{scope}", out var json) ? json : null);

    public ValueTask SetSnapshotAsync(string tenantId, string scope, string json, CancellationToken cancellationToken)
    {
        _snapshots[$"{tenantId}\n{scope}"] = json;
        return ValueTask.CompletedTask;
    }
}
