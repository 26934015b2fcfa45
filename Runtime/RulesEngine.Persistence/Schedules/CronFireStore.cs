using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RulesEngine.Persistence.Infrastructure;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.OnceKeys;
using RulesEngine.Persistence.Snapshots;

namespace RulesEngine.Persistence.Schedules;

/// <summary>
/// Keeps claims in the once-key table (scope <c>cron-fire</c>) and last fires in the snapshot table (scope
/// <c>cron:{definition}:{activity}</c>), the layout the scheduler has always used, so upgraded hosts neither lose a
/// last fire nor run a fire that an older host claimed.
/// </summary>
internal sealed class CronFireStore(IDbContextFactory<RulesEngineDbContext> factory, TimeProvider time) : ICronFireStore
{
    private const string ClaimScope = "cron-fire";
    private const string StatePrefix = "cron:";
    private const string CronTriggerKind = "cron";

    // Up to this many triggers are looked up by their scopes; more (a host starting with thousands) read every cron row once.
    private const int TargetedLookup = 200;

    // A losing host of a concurrent claim (unique index) or a deadlock victim retries: the next attempt sees the winner's rows.
    private const int Attempts = 5;

    public async Task<IReadOnlyDictionary<CronTriggerKey, DateTimeOffset>> GetLastFiresAsync(IReadOnlyCollection<CronTriggerKey> triggers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        var result = new Dictionary<CronTriggerKey, DateTimeOffset>();
        if (triggers.Count == 0)
        {
            return result;
        }

        var wanted = new Dictionary<(string, string), CronTriggerKey>();
        foreach (var trigger in triggers)
        {
            wanted[(trigger.TenantId, trigger.StateScope)] = trigger;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = db.Snapshots.AsNoTracking();
        if (triggers.Count <= TargetedLookup)
        {
            var tenants = triggers.Select(t => t.TenantId).Distinct().ToList();
            var scopes = triggers.Select(t => t.StateScope).Distinct().ToList();
            rows = rows.Where(s => tenants.Contains(s.TenantId) && scopes.Contains(s.Scope));
        }
        else
        {
            rows = rows.Where(s => s.Scope.StartsWith(StatePrefix));
        }

        await foreach (var row in rows.Select(s => new { s.TenantId, s.Scope, s.Json }).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (wanted.TryGetValue((row.TenantId, row.Scope), out var trigger) && ReadLastFire(row.Json) is { } last)
            {
                result[trigger] = last;
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<CronFireOutcome>> CommitAsync(IReadOnlyList<CronFireCommit> fires, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fires);
        if (fires.Count == 0)
        {
            return [];
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryCommitAsync(fires, cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another host claimed or recorded some of these meanwhile; the next attempt reads its rows.
            }
        }
    }

    private async Task<IReadOnlyList<CronFireOutcome>> TryCommitAsync(IReadOnlyList<CronFireCommit> fires, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var tenants = fires.Select(f => f.Trigger.TenantId).Distinct(StringComparer.Ordinal).ToList();
        var claimed = await TakenClaimsAsync(db, fires, tenants, cancellationToken).ConfigureAwait(false);
        var running = await RunningAsync(db, fires, tenants, cancellationToken).ConfigureAwait(false);
        var scopes = fires.Select(f => f.Trigger.StateScope).Distinct(StringComparer.Ordinal).ToList();
        var states = (await db.Snapshots.Where(s => tenants.Contains(s.TenantId) && scopes.Contains(s.Scope)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => (s.TenantId, s.Scope));

        // Rows are written in one order on every host, so that two hosts committing the same fires wait on each other
        // instead of deadlocking.
        var outcomes = new CronFireOutcome[fires.Count];
        foreach (var i in Enumerable.Range(0, fires.Count).OrderBy(i => fires[i].Trigger.TenantId, StringComparer.Ordinal).ThenBy(i => fires[i].Trigger.StateScope, StringComparer.Ordinal))
        {
            var fire = fires[i];
            var trigger = fire.Trigger;
            if (fire.Instance is { } instance)
            {
                var key = trigger.ClaimKey(fire.LastFire);
                if (!claimed.Add((trigger.TenantId, key)))
                {
                    outcomes[i] = CronFireOutcome.ClaimedElsewhere;
                    continue;
                }

                db.OnceKeys.Add(new OnceKey { TenantId = trigger.TenantId, Scope = ClaimScope, Key = key, CreatedAt = now });
                if (fire.SkipWhileRunning && running.Contains((trigger.TenantId, trigger.DefinitionId)))
                {
                    outcomes[i] = CronFireOutcome.SkippedRunning;
                }
                else
                {
                    instance.CreatedAt = now;
                    instance.UpdatedAt = now;
                    instance.LeaseExpiresAt = instance.LeaseExpiresAt?.ToUniversalTime();
                    db.WorkflowInstances.Add(instance);
                    running.Add((trigger.TenantId, trigger.DefinitionId));
                    outcomes[i] = CronFireOutcome.Started;
                }
            }
            else
            {
                outcomes[i] = CronFireOutcome.Recorded;
            }

            var json = new JsonObject { ["lastFire"] = fire.LastFire }.ToJsonString();
            if (states.TryGetValue((trigger.TenantId, trigger.StateScope), out var state))
            {
                state.Json = json;
                state.UpdatedAt = now;
            }
            else
            {
                state = new Snapshot { TenantId = trigger.TenantId, Scope = trigger.StateScope, Json = json, UpdatedAt = now };
                states[(trigger.TenantId, trigger.StateScope)] = state;
                db.Snapshots.Add(state);
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcomes;
    }

    /// <summary>The claims of these fires already in the database (tenant, key).</summary>
    private static async Task<HashSet<(string, string)>> TakenClaimsAsync(RulesEngineDbContext db, IReadOnlyList<CronFireCommit> fires, List<string> tenants, CancellationToken cancellationToken)
    {
        var keys = fires.Where(f => f.Instance is not null).Select(f => f.Trigger.ClaimKey(f.LastFire)).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var rows = await db.OnceKeys.AsNoTracking()
            .Where(k => tenants.Contains(k.TenantId) && k.Scope == ClaimScope && keys.Contains(k.Key))
            .Select(k => new { k.TenantId, k.Key })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => (r.TenantId, r.Key)).ToHashSet();
    }

    /// <summary>The workflows (tenant, definition) of overlap-policy-"skip" fires that have a cron-started instance running.</summary>
    private static async Task<HashSet<(string, string)>> RunningAsync(RulesEngineDbContext db, IReadOnlyList<CronFireCommit> fires, List<string> tenants, CancellationToken cancellationToken)
    {
        var definitions = fires.Where(f => f.Instance is not null && f.SkipWhileRunning).Select(f => f.Trigger.DefinitionId).Distinct(StringComparer.Ordinal).ToList();
        if (definitions.Count == 0)
        {
            return [];
        }

        var rows = await db.WorkflowInstances.AsNoTracking()
            .Where(i => tenants.Contains(i.TenantId) && definitions.Contains(i.DefinitionId) && i.Status == WorkflowStatus.Running && i.TriggerKind == CronTriggerKind)
            .Select(i => new { i.TenantId, i.DefinitionId })
            .Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => (r.TenantId, r.DefinitionId)).ToHashSet();
    }

    private static DateTimeOffset? ReadLastFire(string json)
    {
        try
        {
            return JsonNode.Parse(json)?["lastFire"]?.GetValue<DateTimeOffset>();
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return null; // unreadable: the trigger counts from now, as if first seen
        }
    }
}
