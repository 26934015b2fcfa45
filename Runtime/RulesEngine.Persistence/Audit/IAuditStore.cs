namespace RulesEngine.Persistence.Audit;

public interface IAuditStore
{
    /// <summary>Records who did what; At is set from the clock. <paramref name="detailsJson"/> must not hold secrets.</summary>
    Task AppendAsync(string tenantId, string actor, string action, string? target, string? detailsJson = null, CancellationToken cancellationToken = default);

    /// <summary>Newest first; <paramref name="before"/> pages back in time.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string tenantId, int max = 100, DateTimeOffset? before = null, CancellationToken cancellationToken = default);
}
