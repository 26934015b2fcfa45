using Microsoft.EntityFrameworkCore;
using RulesEngine.Persistence.Instances;

namespace RulesEngine.Persistence.Tests.Instances;

public sealed class WorkflowInstanceStoreTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ListAsync_Filters_ReturnOnlyMatchingInstancesNewestFirst(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IWorkflowInstanceStore>();
        var tenant = Some.TenantId();
        var start = db.Time.GetUtcNow();

        // 12 instances one minute apart: definitions alternate, every third is faulted.
        for (var i = 0; i < 12; i++)
        {
            await store.CreateAsync(NewInstance(tenant, i % 2 == 0 ? "even" : "odd", i % 3 == 0 ? WorkflowStatus.Faulted : WorkflowStatus.Finished, $"i{i:00}"), ct);
            db.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await store.CreateAsync(NewInstance(Some.TenantId(), "even", WorkflowStatus.Faulted, "other tenant"), ct);

        var all = await store.ListAsync(tenant, new InstanceQuery { IncludeTotalCount = true }, ct);
        all.TotalCount.ShouldBe(12);
        all.Items.Select(i => i.Name).ShouldBe(Enumerable.Range(0, 12).Reverse().Select(i => $"i{i:00}"));

        var even = await store.ListAsync(tenant, new InstanceQuery { DefinitionId = "even" }, ct);
        even.Items.Select(i => i.Name).ShouldBe(["i10", "i08", "i06", "i04", "i02", "i00"]);

        var evenFaulted = await store.ListAsync(tenant, new InstanceQuery { DefinitionId = "even", Status = WorkflowStatus.Faulted }, ct);
        evenFaulted.Items.Select(i => i.Name).ShouldBe(["i06", "i00"]);

        var faulted = await store.ListAsync(tenant, new InstanceQuery { Status = WorkflowStatus.Faulted }, ct);
        faulted.Items.Select(i => i.Name).ShouldBe(["i09", "i06", "i03", "i00"]);

        var window = await store.ListAsync(tenant, new InstanceQuery { From = start.AddMinutes(3), To = start.AddMinutes(6) }, ct);
        window.Items.Select(i => i.Name).ShouldBe(["i05", "i04", "i03"]);

        // A From/To given in another offset means the same instant.
        var offset = TimeSpan.FromHours(2);
        var windowOffset = await store.ListAsync(tenant, new InstanceQuery { From = start.AddMinutes(3).ToOffset(offset), To = start.AddMinutes(6).ToOffset(offset) }, ct);
        windowOffset.Items.Select(i => i.Name).ShouldBe(["i05", "i04", "i03"]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ListAsync_KeysetPaging_VisitsEveryInstanceOnceEvenWithEqualTimestamps(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IWorkflowInstanceStore>();
        var tenant = Some.TenantId();
        for (var i = 0; i < 25; i++)
        {
            // Five instances share each timestamp, so the id must break ties.
            await store.CreateAsync(NewInstance(tenant, "wf", WorkflowStatus.Running, $"i{i}"), ct);
            if (i % 5 == 4)
            {
                db.Time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await store.ListAsync(tenant, new InstanceQuery { PageSize = 7, Cursor = cursor }, ct);
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        pages.ShouldBe(4);
        seen.Count.ShouldBe(25);
        seen.Distinct().Count().ShouldBe(25);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ListAsync_TenThousandInstances_FiltersAndPagesQuickly(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IWorkflowInstanceStore>();
        var tenant = Some.TenantId();
        var start = db.Time.GetUtcNow();
        await using (var raw = db.CreateContext())
        {
            // One set-based INSERT: row-by-row inserts through EF would take most of the test's time.
            var state = new string('x', 1000); // lists must not drag the state along
            var series = provider == DatabaseProvider.Sqlite
                ? "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9999) "
                : string.Empty;
            var from = provider == DatabaseProvider.Sqlite ? "FROM n" : "FROM generate_series(0, 9999) AS n(i)";
            var id = provider == DatabaseProvider.Sqlite ? "printf('%05d', i)" : "lpad(i::text, 5, '0')";
            var created = provider == DatabaseProvider.Sqlite ? "{2} + i * 10000000" : "{2} + i * interval '1 second'";
            object startValue = provider == DatabaseProvider.Sqlite ? start.UtcTicks : start;
            var sql = series +
                "INSERT INTO \"WorkflowInstances\" (\"Id\", \"TenantId\", \"DefinitionId\", \"Version\", \"Status\", \"StateJson\", \"CreatedAt\", \"UpdatedAt\") " +
                $"SELECT {id}, {{0}}, 'wf' || (i % 10), 1, " +
                "CASE (i / 10) % 5 WHEN 0 THEN 'Running' WHEN 1 THEN 'Suspended' WHEN 2 THEN 'Finished' WHEN 3 THEN 'Faulted' ELSE 'Cancelled' END, " +
                $"{{1}}, {created}, {created} {from}";
            (await raw.Database.ExecuteSqlRawAsync(sql, [tenant, state, startValue], ct)).ShouldBe(10_000);
        }

        await store.ListAsync(tenant, new InstanceQuery(), ct); // warm up the pool and query cache
        var page = await store.ListAsync(tenant, new InstanceQuery { DefinitionId = "wf3", Status = WorkflowStatus.Suspended, PageSize = 50, IncludeTotalCount = true }, ct);
        var deep = await store.ListAsync(tenant, new InstanceQuery { PageSize = 50, Cursor = page.NextCursor }, ct);

        page.TotalCount.ShouldBe(200); // 1,000 rows of wf3, a fifth of them suspended
        page.Items.Count.ShouldBe(50);
        page.Items.ShouldAllBe(i => i.DefinitionId == "wf3" && i.Status == WorkflowStatus.Suspended);
        deep.Items.Count.ShouldBe(50);

        if (provider == DatabaseProvider.Sqlite)
        {
            await using var raw = db.CreateContext();
            var plan = await PlanAsync(raw, tenant, ct);
            plan.ShouldContain("IX_WorkflowInstances_TenantId_DefinitionId_Status_CreatedAt_Id");
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Leases_OnlyTheHolderWrites_AndAnExpiredLeaseCanBeTakenOver(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IWorkflowInstanceStore>();
        var tenant = Some.TenantId();
        var instance = await store.CreateAsync(NewInstance(tenant, "wf", WorkflowStatus.Running, "run"), ct);

        (await store.TryAcquireLeaseAsync(tenant, instance.Id, "node-a", TimeSpan.FromMinutes(1), ct)).ShouldBeTrue();
        (await store.TryAcquireLeaseAsync(tenant, instance.Id, "node-b", TimeSpan.FromMinutes(1), ct)).ShouldBeFalse();
        (await store.UpdateAsync(tenant, instance.Id, "node-b", new WorkflowInstanceUpdate { Status = WorkflowStatus.Faulted }, ct)).ShouldBeFalse();
        (await store.UpdateAsync(tenant, instance.Id, "node-a", new WorkflowInstanceUpdate { Status = WorkflowStatus.Suspended, SubStatus = "waiting", StateJson = "{\"s\":1}" }, ct)).ShouldBeTrue();

        var stored = (await store.GetAsync(tenant, instance.Id, ct))!;
        stored.Status.ShouldBe(WorkflowStatus.Suspended);
        stored.StateJson.ShouldBe("{\"s\":1}");
        stored.FinishedAt.ShouldBeNull();

        // node-a dies; recovery sees the instance once its lease has run out (Running only).
        await store.UpdateAsync(tenant, instance.Id, "node-a", new WorkflowInstanceUpdate { Status = WorkflowStatus.Running }, ct);
        (await store.ListRecoverableAsync(10, ct)).ShouldBeEmpty();
        db.Time.Advance(TimeSpan.FromMinutes(2));
        (await store.ListRecoverableAsync(10, ct)).ShouldContain(new InstanceRef(tenant, instance.Id));
        (await store.TryAcquireLeaseAsync(tenant, instance.Id, "node-b", TimeSpan.FromMinutes(1), ct)).ShouldBeTrue();

        // node-a's late write is rejected; node-b finishes.
        (await store.UpdateAsync(tenant, instance.Id, "node-a", new WorkflowInstanceUpdate { Status = WorkflowStatus.Faulted }, ct)).ShouldBeFalse();
        (await store.UpdateAsync(tenant, instance.Id, "node-b", new WorkflowInstanceUpdate { Status = WorkflowStatus.Finished }, ct)).ShouldBeTrue();
        stored = (await store.GetAsync(tenant, instance.Id, ct))!;
        stored.Status.ShouldBe(WorkflowStatus.Finished);
        stored.StateJson.ShouldBe("{\"s\":1}"); // null StateJson in an update keeps the stored state
        stored.FinishedAt.ShouldBe(db.Time.GetUtcNow());
        (await store.ReleaseLeaseAsync(tenant, instance.Id, "node-b", ct)).ShouldBeTrue();

        // Another tenant sees nothing.
        var other = Some.TenantId();
        (await store.GetAsync(other, instance.Id, ct)).ShouldBeNull();
        (await store.ListAsync(other, new InstanceQuery(), ct)).Items.ShouldBeEmpty();
        (await store.TryAcquireLeaseAsync(other, instance.Id, "node-x", TimeSpan.FromMinutes(1), ct)).ShouldBeFalse();
        (await store.DeleteAsync(other, instance.Id, ct)).ShouldBeFalse();
        (await store.DeleteAsync(tenant, instance.Id, ct)).ShouldBeTrue();
    }

    private static WorkflowInstance NewInstance(string tenant, string definitionId, WorkflowStatus status, string name) => new()
    {
        Id = string.Empty,
        TenantId = tenant,
        DefinitionId = definitionId,
        Version = 1,
        Status = status,
        Name = name,
        StateJson = "{}",
        TriggerKind = "manual",
    };

    private static async Task<string> PlanAsync(Infrastructure.RulesEngineDbContext db, string tenant, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "EXPLAIN QUERY PLAN SELECT Id FROM WorkflowInstances WHERE TenantId = $t AND DefinitionId = 'wf3' AND Status = 'Suspended' ORDER BY CreatedAt DESC, Id DESC LIMIT 51";
        var p = command.CreateParameter();
        p.ParameterName = "$t";
        p.Value = tenant;
        command.Parameters.Add(p);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join('\n', lines);
    }
}
