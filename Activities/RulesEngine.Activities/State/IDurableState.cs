namespace RulesEngine.Activities.State;

/// <summary>
/// Per-tenant durable state for activities that remember across runs (Once, DetectChanges). The runtime stores it in
/// its database; the CLI keeps it in memory for the run.
/// </summary>
public interface IDurableState
{
    /// <summary>True only the first time <paramref name="key"/> is added in <paramref name="scope"/> (race-safe).</summary>
    ValueTask<bool> TryAddOnceAsync(string tenantId, string scope, string key, CancellationToken cancellationToken);

    ValueTask<string?> GetSnapshotAsync(string tenantId, string scope, CancellationToken cancellationToken);

    ValueTask SetSnapshotAsync(string tenantId, string scope, string json, CancellationToken cancellationToken);
}
