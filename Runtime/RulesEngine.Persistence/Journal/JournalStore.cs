using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RulesEngine.Persistence.Infrastructure;

namespace RulesEngine.Persistence.Journal;

internal sealed class JournalStore(
    IDbContextFactory<RulesEngineDbContext> factory,
    TimeProvider time,
    IOptions<DatabaseOptions> options,
    ILogger<JournalStore> logger) : IJournalStore
{
    private const string TruncationMarker = "…[truncated]";

    public async Task AppendAsync(string tenantId, IReadOnlyCollection<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var max = options.Value.JournalMaxPayloadChars;
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            db.JournalEntries.Add(Prepare(entry, tenantId, max));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    public async Task<IReadOnlyList<JournalEntry>> ListAsync(string tenantId, string instanceId, int afterSequence = -1, int max = 1000, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.JournalEntries.AsNoTracking()
            .Where(j => j.TenantId == tenantId && j.InstanceId == instanceId && j.Sequence > afterSequence)
            .OrderBy(j => j.Sequence).ThenBy(j => j.Id)
            .Take(Math.Clamp(max, 1, 10_000))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PruneAsync(JournalRetention retention, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(retention);
        var deleted = 0;
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (retention.MaxAgeDays is { } days)
        {
            var cutoff = time.GetUtcNow().AddDays(-days);
            deleted += await db.JournalEntries.Where(j => j.StartedAt < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (retention.MaxEntriesPerWorkflow is { } keep)
        {
            // Per workflow, find the id of the newest entry beyond the limit and delete it and everything older.
            // Ids grow with insertion, so "newest" is "highest id" on every provider.
            var crowded = await db.JournalEntries
                .GroupBy(j => new { j.TenantId, j.DefinitionId })
                .Where(g => g.Count() > keep)
                .Select(g => g.Key)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var workflow in crowded)
            {
                var threshold = await db.JournalEntries
                    .Where(j => j.TenantId == workflow.TenantId && j.DefinitionId == workflow.DefinitionId)
                    .OrderByDescending(j => j.Id)
                    .Skip(keep)
                    .Select(j => j.Id)
                    .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                deleted += await db.JournalEntries
                    .Where(j => j.TenantId == workflow.TenantId && j.DefinitionId == workflow.DefinitionId && j.Id <= threshold)
                    .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (deleted > 0)
        {
            Log.JournalPruned(logger, deleted);
        }

        return deleted;
    }

    /// <summary>Readies an entry for insertion: new id, the tenant, UTC time, and payloads cut at <paramref name="max"/> characters.</summary>
    internal static JournalEntry Prepare(JournalEntry entry, string tenantId, int max)
    {
        entry.Id = 0;
        entry.TenantId = tenantId;
        entry.StartedAt = entry.StartedAt.ToUniversalTime();
        entry.InputsJson = Truncate(entry.InputsJson, max);
        entry.OutputsJson = Truncate(entry.OutputsJson, max);
        entry.Error = Truncate(entry.Error, max);
        return entry;
    }

    private static string? Truncate(string? value, int max)
        => value is null || value.Length <= max ? value : string.Concat(value.AsSpan(0, max), TruncationMarker);
}
