namespace RulesEngine.Persistence.Triggers;

public interface ITriggerIndexStore
{
    /// <summary>Replaces all entries of a definition in one transaction (readers see the old set or the new, never a mix).</summary>
    Task ReplaceAsync(string tenantId, string definitionId, IReadOnlyCollection<TriggerRegistration> triggers, CancellationToken cancellationToken = default);

    Task<int> RemoveAsync(string tenantId, string definitionId, CancellationToken cancellationToken = default);

    /// <summary>The entries a stimulus matches, for example kind <c>http</c> and key <c>POST /orders</c>.</summary>
    Task<IReadOnlyList<TriggerIndexEntry>> FindAsync(string tenantId, string kind, string key, CancellationToken cancellationToken = default);

    /// <summary>A tenant's entries, optionally of one definition.</summary>
    Task<IReadOnlyList<TriggerIndexEntry>> ListAsync(string tenantId, string? definitionId = null, CancellationToken cancellationToken = default);

    /// <summary>Platform-wide: every entry of one kind (the scheduler loads all cron triggers).</summary>
    Task<IReadOnlyList<TriggerIndexEntry>> ListByKindAsync(string kind, CancellationToken cancellationToken = default);
}
