namespace RulesEngine.Persistence.Snapshots;

/// <summary>Backs change detection: the last seen JSON per (tenant, scope).</summary>
public interface ISnapshotStore
{
    Task<string?> GetAsync(string tenantId, string scope, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the snapshot.</summary>
    Task SetAsync(string tenantId, string scope, string json, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string tenantId, string scope, CancellationToken cancellationToken = default);
}
