using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RulesEngine.Persistence.Infrastructure;

namespace RulesEngine.Persistence.Workflows;

internal sealed class WorkflowDefinitionStore(
    IDbContextFactory<RulesEngineDbContext> factory,
    TimeProvider time,
    IOptions<DatabaseOptions> options,
    ILogger<WorkflowDefinitionStore> logger) : IWorkflowDefinitionStore
{
    // Every run reads its version: published and numbered versions are cached briefly (see DatabaseOptions.ReadCacheTimeToLive).
    private readonly ReadCache<WorkflowVersion> _versions = new(time, options.Value.ReadCacheTimeToLive);

    public Task<WorkflowVersion?> CreateAsync(string tenantId, NewWorkflowDefinition definition, CancellationToken cancellationToken = default)
        => InvalidatingAsync(tenantId, () => CreateCoreAsync(tenantId, definition, cancellationToken));

    private async Task<WorkflowVersion?> CreateCoreAsync(string tenantId, NewWorkflowDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.DefinitionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Json);

        var now = time.GetUtcNow();
        var header = new WorkflowDefinition
        {
            TenantId = tenantId,
            DefinitionId = definition.DefinitionId,
            Name = definition.Name,
            Description = definition.Description,
            LatestVersion = 1,
            CreatedAt = now,
            UpdatedAt = now,
            ConcurrencyStamp = NewStamp(),
        };
        var version = new WorkflowVersion
        {
            TenantId = tenantId,
            DefinitionId = definition.DefinitionId,
            Version = 1,
            Json = definition.Json,
            IsLatest = true,
            ConcurrencyStamp = NewStamp(),
            SavedBy = definition.SavedBy,
            SavedAt = now,
        };

        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            db.WorkflowDefinitions.Add(header);
            db.WorkflowVersions.Add(version);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return version;
        }
        catch (DbUpdateException)
        {
            if (await GetAsync(tenantId, definition.DefinitionId, cancellationToken).ConfigureAwait(false) is not null)
            {
                return null;
            }

            throw;
        }
    }

    public Task<SaveDraftResult> SaveDraftAsync(string tenantId, string definitionId, WorkflowDraft draft, CancellationToken cancellationToken = default)
        => InvalidatingAsync(tenantId, () => SaveDraftCoreAsync(tenantId, definitionId, draft, cancellationToken));

    private async Task<SaveDraftResult> SaveDraftCoreAsync(string tenantId, string definitionId, WorkflowDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Json);

        await using (var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var header = await FindHeaderAsync(db, tenantId, definitionId, cancellationToken).ConfigureAwait(false);
            if (header is null)
            {
                return new SaveDraftResult(SaveDraftStatus.NotFound, null);
            }

            var latest = await FindVersionAsync(db, tenantId, definitionId, header.LatestVersion, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Workflow {definitionId} has no row for its latest version {header.LatestVersion}.");
            if (!string.Equals(latest.ConcurrencyStamp, draft.ExpectedConcurrencyStamp, StringComparison.Ordinal))
            {
                return new SaveDraftResult(SaveDraftStatus.Conflict, latest);
            }

            var now = time.GetUtcNow();
            WorkflowVersion saved;
            if (latest.IsPublished)
            {
                latest.IsLatest = false;
                saved = new WorkflowVersion
                {
                    TenantId = tenantId,
                    DefinitionId = definitionId,
                    Version = header.LatestVersion + 1,
                    Json = draft.Json,
                    IsLatest = true,
                    ConcurrencyStamp = NewStamp(),
                    SavedBy = draft.SavedBy,
                    SavedAt = now,
                };
                db.WorkflowVersions.Add(saved);
                header.LatestVersion = saved.Version;
            }
            else
            {
                saved = latest;
                saved.Json = draft.Json;
                saved.SavedBy = draft.SavedBy;
                saved.SavedAt = now;
                saved.ConcurrencyStamp = NewStamp();
            }

            header.Name = draft.Name ?? header.Name;
            header.Description = draft.Description ?? header.Description;
            Touch(header, now);

            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return new SaveDraftResult(SaveDraftStatus.Saved, saved);
            }
            catch (DbUpdateException)
            {
                // Another writer got in between our read and write (concurrency token or unique version index).
            }
        }

        var current = await GetLatestVersionAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false);
        return new SaveDraftResult(current is null ? SaveDraftStatus.NotFound : SaveDraftStatus.Conflict, current);
    }

    public Task<WorkflowVersion?> PublishAsync(string tenantId, string definitionId, int? version = null, CancellationToken cancellationToken = default)
        => InvalidatingAsync(tenantId, () => RetryOnConflictAsync(() => PublishOnceAsync(tenantId, definitionId, version, cancellationToken)));

    public Task<bool> RetractAsync(string tenantId, string definitionId, CancellationToken cancellationToken = default)
        => InvalidatingAsync(tenantId, () => RetryOnConflictAsync(() => RetractOnceAsync(tenantId, definitionId, cancellationToken)));

    public Task<WorkflowVersion?> RollbackAsync(string tenantId, string definitionId, int version, string? savedBy, CancellationToken cancellationToken = default)
        => InvalidatingAsync(tenantId, () => RetryOnConflictAsync(() => RollbackOnceAsync(tenantId, definitionId, version, savedBy, cancellationToken)));

    private async Task<WorkflowVersion?> PublishOnceAsync(string tenantId, string definitionId, int? version, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var header = await FindHeaderAsync(db, tenantId, definitionId, cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            return null;
        }

        var target = await FindVersionAsync(db, tenantId, definitionId, version ?? header.LatestVersion, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        await UnpublishCurrentAsync(db, header, target.Version, cancellationToken).ConfigureAwait(false);
        if (!target.IsPublished)
        {
            target.IsPublished = true;
            target.PublishedAt = now;
        }

        header.PublishedVersion = target.Version;
        Touch(header, now);

        // One SaveChanges: the old version's unpublishing and the new one's publishing commit together.
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        Log.WorkflowPublished(logger, tenantId, definitionId, target.Version);
        return target;
    }

    private async Task<bool> RetractOnceAsync(string tenantId, string definitionId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var header = await FindHeaderAsync(db, tenantId, definitionId, cancellationToken).ConfigureAwait(false);
        if (header?.PublishedVersion is null)
        {
            return false;
        }

        await UnpublishCurrentAsync(db, header, exceptVersion: null, cancellationToken).ConfigureAwait(false);
        header.PublishedVersion = null;
        Touch(header, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<WorkflowVersion?> RollbackOnceAsync(string tenantId, string definitionId, int version, string? savedBy, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var header = await FindHeaderAsync(db, tenantId, definitionId, cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            return null;
        }

        var source = await FindVersionAsync(db, tenantId, definitionId, version, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return null;
        }

        var latest = await FindVersionAsync(db, tenantId, definitionId, header.LatestVersion, cancellationToken).ConfigureAwait(false);
        if (latest is not null)
        {
            latest.IsLatest = false;
        }

        var now = time.GetUtcNow();
        await UnpublishCurrentAsync(db, header, exceptVersion: null, cancellationToken).ConfigureAwait(false);
        var copy = new WorkflowVersion
        {
            TenantId = tenantId,
            DefinitionId = definitionId,
            Version = header.LatestVersion + 1,
            Json = source.Json,
            IsLatest = true,
            IsPublished = true,
            PublishedAt = now,
            ConcurrencyStamp = NewStamp(),
            SavedBy = savedBy,
            SavedAt = now,
        };
        db.WorkflowVersions.Add(copy);
        header.LatestVersion = copy.Version;
        header.PublishedVersion = copy.Version;
        Touch(header, now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        Log.WorkflowPublished(logger, tenantId, definitionId, copy.Version);
        return copy;
    }

    public async Task<WorkflowDefinition?> GetAsync(string tenantId, string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.WorkflowDefinitions.AsNoTracking()
            .FirstOrDefaultAsync(d => d.TenantId == tenantId && d.DefinitionId == definitionId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<WorkflowDefinition>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.TenantId == tenantId)
            .OrderBy(d => d.Name).ThenBy(d => d.DefinitionId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<WorkflowVersionSummary>> ListVersionsAsync(string tenantId, string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.WorkflowVersions.AsNoTracking()
            .Where(v => v.TenantId == tenantId && v.DefinitionId == definitionId)
            .OrderByDescending(v => v.Version)
            .Select(v => new WorkflowVersionSummary(v.DefinitionId, v.Version, v.IsPublished, v.IsLatest, v.ConcurrencyStamp, v.SavedBy, v.SavedAt, v.PublishedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<WorkflowVersion?> GetVersionAsync(string tenantId, string definitionId, int version, CancellationToken cancellationToken = default)
        => await _versions.GetOrLoadAsync(tenantId, $"{definitionId}\n{version}", ct => LoadVersionAsync(tenantId, definitionId, version, ct), cancellationToken).ConfigureAwait(false);

    private async Task<WorkflowVersion?> LoadVersionAsync(string tenantId, string definitionId, int version, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.WorkflowVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.TenantId == tenantId && v.DefinitionId == definitionId && v.Version == version, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WorkflowVersion?> GetLatestVersionAsync(string tenantId, string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.WorkflowVersions.AsNoTracking()
            .Where(v => v.TenantId == tenantId && v.DefinitionId == definitionId)
            .OrderByDescending(v => v.Version)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<WorkflowVersion?> GetPublishedVersionAsync(string tenantId, string definitionId, CancellationToken cancellationToken = default)
        => await _versions.GetOrLoadAsync(tenantId, definitionId + "\npublished", ct => LoadPublishedVersionAsync(tenantId, definitionId, ct), cancellationToken).ConfigureAwait(false);

    private async Task<WorkflowVersion?> LoadPublishedVersionAsync(string tenantId, string definitionId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.WorkflowVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.TenantId == tenantId && v.DefinitionId == definitionId && v.IsPublished, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> DeleteAsync(string tenantId, string definitionId, CancellationToken cancellationToken = default)
        => InvalidatingAsync(tenantId, () => DeleteCoreAsync(tenantId, definitionId, cancellationToken));

    private async Task<bool> DeleteCoreAsync(string tenantId, string definitionId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.TriggerIndex.Where(t => t.TenantId == tenantId && t.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.WorkflowVersions.Where(v => v.TenantId == tenantId && v.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await db.WorkflowDefinitions.Where(d => d.TenantId == tenantId && d.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    // Publish, retract and rollback carry no stamp from the caller: when another write of the same definition
    // got in first (definition stamp or unique version index), re-reading and trying again is the right outcome.
    private const int MaxAttempts = 20;

    private static async Task<T> RetryOnConflictAsync<T>(Func<Task<T>> operation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation().ConfigureAwait(false);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Jitter spreads competing writers apart so that they stop colliding.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 10)))).ConfigureAwait(false);
            }
        }
    }

    private static async Task UnpublishCurrentAsync(RulesEngineDbContext db, WorkflowDefinition header, int? exceptVersion, CancellationToken cancellationToken)
    {
        var published = await db.WorkflowVersions
            .Where(v => v.TenantId == header.TenantId && v.DefinitionId == header.DefinitionId && v.IsPublished)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var v in published.Where(v => v.Version != exceptVersion))
        {
            v.IsPublished = false;
        }
    }

    private static Task<WorkflowDefinition?> FindHeaderAsync(RulesEngineDbContext db, string tenantId, string definitionId, CancellationToken cancellationToken)
        => db.WorkflowDefinitions.FirstOrDefaultAsync(d => d.TenantId == tenantId && d.DefinitionId == definitionId, cancellationToken);

    private static Task<WorkflowVersion?> FindVersionAsync(RulesEngineDbContext db, string tenantId, string definitionId, int version, CancellationToken cancellationToken)
        => db.WorkflowVersions.FirstOrDefaultAsync(v => v.TenantId == tenantId && v.DefinitionId == definitionId && v.Version == version, cancellationToken);

    // Every write to a definition changes its stamp, so that concurrent writers of one definition conflict in the database.
    private static void Touch(WorkflowDefinition header, DateTimeOffset now)
    {
        header.UpdatedAt = now;
        header.ConcurrencyStamp = NewStamp();
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    private async Task<T> InvalidatingAsync<T>(string tenantId, Func<Task<T>> write)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            // After the write (committed or not): a read that raced with it must not stay cached.
            _versions.Invalidate(tenantId);
        }
    }
}
