using Microsoft.EntityFrameworkCore;
using RulesEngine.Persistence.Bookmarks;
using RulesEngine.Persistence.Inbox;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Journal;

namespace RulesEngine.Persistence.Tests.Instances;

/// <summary>
/// The webhook hot path: the inbox row and its instance in one write, and run progress (state, journal, bookmarks,
/// lease release) in one write. On SQLite concurrent writes are committed together, each undone alone when it fails.
/// </summary>
public sealed class HotPathWriteTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TryAddStartedAsync_ConcurrentDeliveries_OneRunPerKey_AndALosingDeliveryGetsTheWinnersRun(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var inbox = db.Get<IWebhookInboxStore>();
        var tenant = Some.TenantId();

        // 50 events, each delivered 4 times at once: 200 writes racing, many duplicates in the same batch as their winner.
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 200).Select(i => Task.Run(
            async () =>
            {
                start.Wait(ct);
                var instance = Some.RunningInstance(tenant, $"i-{i}", db.Time.GetUtcNow());
                return await inbox.TryAddStartedAsync(new NewWebhookInboxItem(tenant, "smartrecruiters", $"evt-{i % 50}", "{}", $"{{\"n\":{i}}}"), instance, ct);
            },
            ct)).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);

        results.Count(r => r.IsNew).ShouldBe(50);
        results.Where(r => !r.IsNew).ShouldAllBe(r => r.Item.InstanceId != null);
        await using var read = db.CreateContext();
        var rows = await read.WebhookInbox.AsNoTracking().Where(x => x.TenantId == tenant).ToListAsync(ct);
        var instances = await read.WorkflowInstances.AsNoTracking().Where(x => x.TenantId == tenant).ToListAsync(ct);
        rows.Count.ShouldBe(50);
        instances.Count.ShouldBe(50);
        instances.Select(x => x.Id).Order().ShouldBe(rows.Select(x => x.InstanceId!).Order());
        rows.ShouldAllBe(x => x.Status == WebhookInboxStatus.Done && x.Attempts == 1);

        // Values written without EF's change tracker read back as EF writes them (enum as text, times as UTC).
        var stored = instances[0];
        stored.Status.ShouldBe(WorkflowStatus.Running);
        stored.LeaseOwner.ShouldBe("node-a");
        stored.LeaseExpiresAt.ShouldBe(db.Time.GetUtcNow().AddMinutes(5));
        stored.CreatedAt.ShouldBe(db.Time.GetUtcNow());
        stored.TriggerKind.ShouldBe("http");

        // A write that fails half-way (its inbox row went in, its instance id is taken) is undone as a whole, and
        // the writes committed with it are not.
        var clash = Task.Run(() => inbox.TryAddStartedAsync(new NewWebhookInboxItem(tenant, "smartrecruiters", "evt-new", null, null), Some.RunningInstance(tenant, instances[0].Id, db.Time.GetUtcNow()), ct), ct);
        var fine = Task.Run(() => inbox.TryAddStartedAsync(new NewWebhookInboxItem(tenant, "smartrecruiters", "evt-fine", null, null), Some.RunningInstance(tenant, "i-fine", db.Time.GetUtcNow()), ct), ct);
        await Should.ThrowAsync<System.Data.Common.DbException>(clash);
        (await fine).IsNew.ShouldBeTrue();
        await using var after = db.CreateContext();
        (await after.WebhookInbox.AsNoTracking().AnyAsync(x => x.TenantId == tenant && x.DedupKey == "evt-new", ct)).ShouldBeFalse();
        (await after.WebhookInbox.AsNoTracking().AnyAsync(x => x.TenantId == tenant && x.DedupKey == "evt-fine", ct)).ShouldBeTrue();
        (await after.WorkflowInstances.AsNoTracking().CountAsync(x => x.TenantId == tenant, ct)).ShouldBe(51);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveProgressAsync_WritesStateJournalAndBookmarksTogether_AndALostLeaseWritesNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var inbox = db.Get<IWebhookInboxStore>();
        var instances = db.Get<IWorkflowInstanceStore>();
        var tenant = Some.TenantId();
        await inbox.TryAddStartedAsync(new NewWebhookInboxItem(tenant, "http:/x", "k-1", null, "{}"), Some.RunningInstance(tenant, "i-1", db.Time.GetUtcNow()), ct);

        db.Time.Advance(TimeSpan.FromSeconds(1));
        var checkpoint = new InstanceProgress
        {
            Update = new WorkflowInstanceUpdate { Status = WorkflowStatus.Suspended, SubStatus = "waiting", StateJson = "{\"step\":1}", CorrelationId = "c-1" },
            Journal = [Some.JournalEntry(tenant, "i-1", 1), Some.JournalEntry(tenant, "i-1", 2), Some.JournalEntry(tenant, "i-1", 3)],
            ReplaceBookmarks = true,
            Bookmarks = [new Bookmark { Id = "b-1", TenantId = tenant, InstanceId = "i-1", ActivityId = "wait", Name = "Elsa.Event", Hash = "h", ResumeAt = db.Time.GetUtcNow().AddHours(1) }],
        };
        (await instances.SaveProgressAsync(tenant, "i-1", "node-a", checkpoint, ct)).ShouldBeTrue();

        // Another node (its lease is not ours) writes nothing: not the state, not its journal, not its bookmarks.
        var intruder = checkpoint with
        {
            Update = new WorkflowInstanceUpdate { Status = WorkflowStatus.Faulted, StateJson = "{\"step\":99}" },
            Journal = [Some.JournalEntry(tenant, "i-1", 4)],
            Bookmarks = [],
        };
        (await instances.SaveProgressAsync(tenant, "i-1", "node-b", intruder, ct)).ShouldBeFalse();

        var saved = (await instances.GetAsync(tenant, "i-1", ct)).ShouldNotBeNull();
        saved.Status.ShouldBe(WorkflowStatus.Suspended);
        saved.SubStatus.ShouldBe("waiting");
        saved.StateJson.ShouldBe("{\"step\":1}");
        saved.CorrelationId.ShouldBe("c-1");
        saved.UpdatedAt.ShouldBe(db.Time.GetUtcNow());
        saved.FinishedAt.ShouldBeNull();
        saved.LeaseOwner.ShouldBe("node-a");
        (await db.Get<IJournalStore>().ListAsync(tenant, "i-1", cancellationToken: ct)).Select(j => j.Sequence).ShouldBe([1, 2, 3]);
        var bookmark = (await db.Get<IBookmarkStore>().ListByInstanceAsync(tenant, "i-1", ct)).ShouldHaveSingleItem();
        bookmark.ResumeAt.ShouldBe(db.Time.GetUtcNow().AddHours(1));

        // The end: no state given keeps the stored one, bookmarks are cleared, the lease is released.
        db.Time.Advance(TimeSpan.FromSeconds(1));
        var end = new InstanceProgress
        {
            Update = new WorkflowInstanceUpdate { Status = WorkflowStatus.Finished },
            Journal = [Some.JournalEntry(tenant, "i-1", 4)],
            ReplaceBookmarks = true,
            ReleaseLease = true,
        };
        (await instances.SaveProgressAsync(tenant, "i-1", "node-a", end, ct)).ShouldBeTrue();
        var finished = (await instances.GetAsync(tenant, "i-1", ct)).ShouldNotBeNull();
        finished.Status.ShouldBe(WorkflowStatus.Finished);
        finished.StateJson.ShouldBe("{\"step\":1}");
        finished.CorrelationId.ShouldBe("c-1");
        finished.FinishedAt.ShouldBe(db.Time.GetUtcNow());
        finished.LeaseOwner.ShouldBeNull();
        finished.LeaseExpiresAt.ShouldBeNull();
        (await db.Get<IBookmarkStore>().ListByInstanceAsync(tenant, "i-1", ct)).ShouldBeEmpty();
        (await db.Get<IJournalStore>().ListAsync(tenant, "i-1", cancellationToken: ct)).Count.ShouldBe(4);
    }

    [Fact]
    public async Task PostgresWriterConnectionKilled_TheWriteOnItFailsWhole_AndTheNextOneLandsOnANewConnection()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var inbox = db.Get<IWebhookInboxStore>();
        var tenant = Some.TenantId();
        (await inbox.TryAddStartedAsync(new NewWebhookInboxItem(tenant, "http:/x", "k-1", null, "{}"), Some.RunningInstance(tenant, "i-1", db.Time.GetUtcNow()), ct)).IsNew.ShouldBeTrue();

        // The server ends every other session, the writer's included (a restart or a failover looks the same to us).
        await using (var admin = db.CreateContext())
        {
            await admin.Database.ExecuteSqlRawAsync(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", ct);
        }

        // The write that meets the dead connection either fails or lands; never half of it.
        var second = await Record.ExceptionAsync(() => inbox.TryAddStartedAsync(new NewWebhookInboxItem(tenant, "http:/x", "k-2", null, "{}"), Some.RunningInstance(tenant, "i-2", db.Time.GetUtcNow()), ct));
        (await inbox.TryAddStartedAsync(new NewWebhookInboxItem(tenant, "http:/x", "k-3", null, "{}"), Some.RunningInstance(tenant, "i-3", db.Time.GetUtcNow()), ct)).IsNew.ShouldBeTrue();

        await using var read = db.CreateContext();
        var keys = await read.WebhookInbox.AsNoTracking().Where(x => x.TenantId == tenant).Select(x => x.DedupKey).ToListAsync(ct);
        var instances = await read.WorkflowInstances.AsNoTracking().Where(x => x.TenantId == tenant).Select(x => x.Id).ToListAsync(ct);
        keys.Order().ShouldBe(second is null ? ["k-1", "k-2", "k-3"] : ["k-1", "k-3"]);
        instances.Order().ShouldBe(second is null ? ["i-1", "i-2", "i-3"] : ["i-1", "i-3"]);
    }

    [Fact]
    public async Task SaveProgressAsync_ConcurrentRunsOnSqlite_EachRunsWritesLandWithItsOwnRun()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var inbox = db.Get<IWebhookInboxStore>();
        var instances = db.Get<IWorkflowInstanceStore>();
        var tenant = Some.TenantId();
        for (var i = 0; i < 30; i++)
        {
            await inbox.TryAddStartedAsync(new NewWebhookInboxItem(tenant, "http:/x", $"k-{i}", null, "{}"), Some.RunningInstance(tenant, $"i-{i}", db.Time.GetUtcNow()), ct);
        }

        // 30 ends at once, a third of them by a node that does not hold the lease: those are undone alone.
        var saves = Enumerable.Range(0, 30).Select(i => Task.Run(
            () => instances.SaveProgressAsync(tenant, $"i-{i}", i % 3 == 0 ? "node-b" : "node-a", new InstanceProgress
            {
                Update = new WorkflowInstanceUpdate { Status = WorkflowStatus.Finished, StateJson = $"{{\"i\":{i}}}" },
                Journal = [Some.JournalEntry(tenant, $"i-{i}", 1), Some.JournalEntry(tenant, $"i-{i}", 2)],
                ReleaseLease = true,
            }, ct),
            ct)).ToList();
        var saved = await Task.WhenAll(saves);

        saved.Count(s => s).ShouldBe(20);
        await using var read = db.CreateContext();
        var rows = await read.WorkflowInstances.AsNoTracking().Where(x => x.TenantId == tenant).ToListAsync(ct);
        var journal = await read.JournalEntries.AsNoTracking().Where(x => x.TenantId == tenant).ToListAsync(ct);
        foreach (var row in rows)
        {
            var i = int.Parse(row.Id[2..], System.Globalization.CultureInfo.InvariantCulture);
            var mine = i % 3 != 0;
            row.Status.ShouldBe(mine ? WorkflowStatus.Finished : WorkflowStatus.Running);
            row.StateJson.ShouldBe(mine ? $"{{\"i\":{i}}}" : null);
            journal.Count(j => j.InstanceId == row.Id).ShouldBe(mine ? 2 : 0);
        }
    }

    [Fact]
    public async Task SustainedWritesOnSqlite_KeepTheWalBounded()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var inbox = db.Get<IWebhookInboxStore>();
        var instances = db.Get<IWorkflowInstanceStore>();
        var tenant = Some.TenantId();
        var state = "{\"pad\":\"" + new string('x', 8_000) + "\"}";

        // 1,500 runs (start, end) from 16 writers at once: ~30 MB through the WAL. The writer leaves checkpoints to a
        // thread beside it (SqliteCheckpointer): the pages must still reach the database file and the WAL must still
        // start over, or it grows with the data.
        await Parallel.ForEachAsync(Enumerable.Range(0, 1_500), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, token) =>
        {
            await inbox.TryAddStartedAsync(new NewWebhookInboxItem(tenant, "http:/x", $"k-{i}", null, "{}"), Some.RunningInstance(tenant, $"i-{i}", db.Time.GetUtcNow()), token);
            (await instances.SaveProgressAsync(tenant, $"i-{i}", "node-a", new InstanceProgress
            {
                Update = new WorkflowInstanceUpdate { Status = WorkflowStatus.Finished, StateJson = state },
                Journal = [Some.JournalEntry(tenant, $"i-{i}", 1)],
                ReleaseLease = true,
            }, token)).ShouldBeTrue();
        });

        await using var read = db.CreateContext();
        (await read.WorkflowInstances.AsNoTracking().CountAsync(x => x.TenantId == tenant && x.Status == WorkflowStatus.Finished, ct)).ShouldBe(1_500);
        var file = read.Database.GetDbConnection().DataSource;
        var wal = new FileInfo(file + "-wal");
        wal.Exists.ShouldBeTrue();
        wal.Length.ShouldBeLessThan(12 * 1024 * 1024, "the WAL restarts after checkpoints instead of growing with the data");
        new FileInfo(file).Length.ShouldBeGreaterThan(12_000_000L, "the checkpoints copied the written pages into the database file");
    }
}
