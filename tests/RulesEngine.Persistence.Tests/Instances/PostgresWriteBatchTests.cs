using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using RulesEngine.Persistence.Inbox;
using RulesEngine.Persistence.Infrastructure;
using RulesEngine.Persistence.Infrastructure.HotPath;
using RulesEngine.Persistence.Instances;

namespace RulesEngine.Persistence.Tests.Instances;

/// <summary>
/// PostgreSQL's folded batch on its own, without the writer's fallback (which would write each alone and hide a batch
/// that never works): duplicates and lost leases come back false, and a refused batch leaves nothing behind.
/// </summary>
public sealed class PostgresWriteBatchTests : IAsyncLifetime
{
    private readonly string _tenant = Some.TenantId();
    private TestDatabase _db = null!;
    private RulesEngineDbContext _context = null!;
    private DbConnection _connection = null!;
    private PostgresWriteBatch _batch = null!;
    private DateTimeOffset _now;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        _now = _db.Time.GetUtcNow();
        _context = _db.CreateContext();
        _connection = _context.Database.GetDbConnection();
        await _connection.OpenAsync(TestContext.Current.CancellationToken);
        var sql = _context.GetService<ISqlGenerationHelper>();
        _batch = new PostgresWriteBatch(_context.Model, sql, new HotPathStatements(_context.Model, sql));
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task OneBatch_StartsRunsAndSavesProgress_SkippingDuplicatesAndLostLeases()
    {
        var ct = TestContext.Current.CancellationToken;

        _batch.Execute(_connection, [Start(_tenant, "evt-held", "i-held", _now), Start(_tenant, "evt-lost", "i-lost", _now)])
            .ShouldBe([true, true]);

        // Another node took i-lost over meanwhile.
        await _context.WorkflowInstances.Where(i => i.Id == "i-lost").ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseOwner, "node-b"), ct);

        var results = _batch.Execute(_connection,
        [
            Start(_tenant, "evt-new", "i-new", _now),
            Start(_tenant, "evt-new", "i-twin", _now),   // the same delivery again, in the same batch
            Start(_tenant, "evt-held", "i-again", _now), // a delivery committed in an earlier batch
            Progress(_tenant, "i-held", _now, release: true, new WorkflowInstanceUpdate { Status = WorkflowStatus.Finished, SubStatus = "done" }, 3),
            Progress(_tenant, "i-lost", _now, release: false, new WorkflowInstanceUpdate { Status = WorkflowStatus.Faulted, StateJson = "{}" }, 2),
            Progress(_tenant, "i-new", _now, release: false, new WorkflowInstanceUpdate { Status = WorkflowStatus.Running, StateJson = "{\"step\":2}", CorrelationId = "c-9" }, 0),
        ]);

        results.ShouldBe([true, false, false, true, false, true]);
        await using var read = _db.CreateContext();
        var instances = await read.WorkflowInstances.AsNoTracking().Where(i => i.TenantId == _tenant).ToDictionaryAsync(i => i.Id, ct);
        instances.Keys.Order().ShouldBe(["i-held", "i-lost", "i-new"]);
        (await read.WebhookInbox.AsNoTracking().CountAsync(x => x.TenantId == _tenant, ct)).ShouldBe(3);

        // The finished run: its status, its finish time, its lease released, the state it had kept.
        var held = instances["i-held"];
        held.Status.ShouldBe(WorkflowStatus.Finished);
        held.SubStatus.ShouldBe("done");
        held.FinishedAt.ShouldBe(_now);
        held.LeaseOwner.ShouldBeNull();
        held.LeaseExpiresAt.ShouldBeNull();
        held.StateJson.ShouldBe("{\"start\":true}");

        // The run whose lease went elsewhere is untouched, and its journal entries were not written.
        instances["i-lost"].Status.ShouldBe(WorkflowStatus.Running);
        instances["i-lost"].LeaseOwner.ShouldBe("node-b");

        // A run started in this very batch saved progress in it too; it keeps its lease.
        instances["i-new"].StateJson.ShouldBe("{\"step\":2}");
        instances["i-new"].CorrelationId.ShouldBe("c-9");
        instances["i-new"].LeaseOwner.ShouldBe("node-a");
        instances["i-new"].FinishedAt.ShouldBeNull();

        var journal = await read.JournalEntries.AsNoTracking().Where(j => j.TenantId == _tenant).ToListAsync(ct);
        journal.Select(j => (j.InstanceId, j.Sequence)).Order().ShouldBe([("i-held", 1), ("i-held", 2), ("i-held", 3)]);
        journal[0].StartedAt.ShouldBe(DateTimeOffset.UnixEpoch.AddSeconds(journal[0].Sequence));
    }

    [Fact]
    public async Task ARefusedStatement_RollsTheWholeBatchBack()
    {
        var ct = TestContext.Current.CancellationToken;
        _batch.Execute(_connection, [Start(_tenant, "evt-1", "i-1", _now)]).ShouldBe([true]);

        // A new delivery whose instance id is taken: the server refuses the batch, and the other delivery in it and
        // the progress of i-1 are not committed either.
        var refused = Should.Throw<DbException>(() => _batch.Execute(_connection,
        [
            Start(_tenant, "evt-2", "i-2", _now),
            Start(_tenant, "evt-3", "i-1", _now),
            Progress(_tenant, "i-1", _now, release: true, new WorkflowInstanceUpdate { Status = WorkflowStatus.Finished }, 1),
        ]));
        refused.SqlState.ShouldBe("23505");

        await using var read = _db.CreateContext();
        (await read.WebhookInbox.AsNoTracking().Where(x => x.TenantId == _tenant).Select(x => x.DedupKey).ToListAsync(ct)).ShouldBe(["evt-1"]);
        var instance = await read.WorkflowInstances.AsNoTracking().SingleAsync(i => i.TenantId == _tenant, ct);
        instance.Status.ShouldBe(WorkflowStatus.Running);
        (await read.JournalEntries.AsNoTracking().CountAsync(j => j.TenantId == _tenant, ct)).ShouldBe(0);

        // The connection is still usable for the next batch.
        _batch.Execute(_connection, [Start(_tenant, "evt-2", "i-2", _now)]).ShouldBe([true]);
    }

    private static StartRunWrite Start(string tenant, string dedupKey, string instanceId, DateTimeOffset now)
    {
        var instance = Some.RunningInstance(tenant, instanceId, now);
        instance.StateJson = "{\"start\":true}";
        instance.CreatedAt = now;
        instance.UpdatedAt = now;
        return new StartRunWrite(
            new WebhookInboxItem
            {
                Id = Guid.NewGuid().ToString("N"),
                TenantId = tenant,
                Source = "smartrecruiters",
                DedupKey = dedupKey,
                Body = "{}",
                ReceivedAt = now,
                ProcessedAt = now,
                Status = WebhookInboxStatus.Done,
                InstanceId = instanceId,
                Attempts = 1,
            },
            instance);
    }

    private static ProgressWrite Progress(string tenant, string instanceId, DateTimeOffset now, bool release, WorkflowInstanceUpdate update, int journalEntries) => new()
    {
        TenantId = tenant,
        InstanceId = instanceId,
        LeaseOwner = "node-a",
        Now = now,
        Update = update,
        ReleaseLease = release,
        Journal = Enumerable.Range(1, journalEntries).Select(n => Some.JournalEntry(tenant, instanceId, n)).ToList(),
    };

}
