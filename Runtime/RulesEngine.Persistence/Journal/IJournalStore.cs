namespace RulesEngine.Persistence.Journal;

public interface IJournalStore
{
    /// <summary>
    /// Appends entries of one tenant in one round trip. Their TenantId is set to <paramref name="tenantId"/>; inputs,
    /// outputs and errors longer than <see cref="DatabaseOptions.JournalMaxPayloadChars"/> are cut.
    /// </summary>
    Task AppendAsync(string tenantId, IReadOnlyCollection<JournalEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>An instance's entries in sequence order, after <paramref name="afterSequence"/>.</summary>
    Task<IReadOnlyList<JournalEntry>> ListAsync(string tenantId, string instanceId, int afterSequence = -1, int max = 1000, CancellationToken cancellationToken = default);

    /// <summary>Platform-wide retention: deletes entries older than the age limit, then the oldest beyond the per-workflow limit. Returns how many went.</summary>
    Task<int> PruneAsync(JournalRetention retention, CancellationToken cancellationToken = default);
}
