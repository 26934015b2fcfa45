using Microsoft.EntityFrameworkCore;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Schedules;

namespace RulesEngine.Persistence.Tests.Schedules;

public sealed class CronFireStoreTests
{
    private static readonly DateTimeOffset FireTime = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CommitAsync_FourHostsCommitTheSameDueFires_EachFireStartsOneInstance(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<ICronFireStore>();
        var tenants = new[] { Some.TenantId(), Some.TenantId() };
        var triggers = Enumerable.Range(0, 40).Select(i => new CronTriggerKey(tenants[i % 2], $"wf-{i}", "cron")).ToList();

        // Each "host" prepares its own instances (own ids) for the same fires and commits them at the same moment.
        using var start = new ManualResetEventSlim();
        var hosts = Enumerable.Range(0, 4).Select(_ => Task.Run(
            async () =>
            {
                var batch = triggers.Select(t => Fire(t, FireTime, skipWhileRunning: false)).ToList();
                start.Wait(ct);
                return await store.CommitAsync(batch, ct);
            },
            ct)).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(hosts);

        for (var i = 0; i < triggers.Count; i++)
        {
            outcomes.Count(o => o[i] == CronFireOutcome.Started).ShouldBe(1, $"fire {i}");
            outcomes.Count(o => o[i] == CronFireOutcome.ClaimedElsewhere).ShouldBe(3, $"fire {i}");
        }

        await using var context = db.CreateContext();
        var created = await context.WorkflowInstances.Where(x => tenants.Contains(x.TenantId)).ToListAsync(ct);
        created.Count.ShouldBe(40);
        created.Select(x => (x.TenantId, x.DefinitionId)).Distinct().Count().ShouldBe(40);
        (await store.GetLastFiresAsync(triggers, ct)).Values.ShouldAllBe(v => v == FireTime);

        // The same fire committed again later (a host that planned late) is claimed elsewhere; the next fire starts.
        var again = await store.CommitAsync([Fire(triggers[0], FireTime, false), Fire(triggers[0], FireTime.AddHours(1), false)], ct);
        again.ShouldBe([CronFireOutcome.ClaimedElsewhere, CronFireOutcome.Started]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CommitAsync_OverlapSkip_ClaimsButStartsNothingWhileACronRunOfTheWorkflowRuns(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<ICronFireStore>();
        var tenant = Some.TenantId();
        var busy = new CronTriggerKey(tenant, "busy", "cron");
        var allow = new CronTriggerKey(tenant, "allow", "cron");
        var idle = new CronTriggerKey(tenant, "idle", "cron");
        var twice = new CronTriggerKey(tenant, "twice", "cron");
        var twiceOther = new CronTriggerKey(tenant, "twice", "cron2");
        await db.Get<IWorkflowInstanceStore>().CreateAsync(Running(tenant, "busy", "cron"), ct);
        await db.Get<IWorkflowInstanceStore>().CreateAsync(Running(tenant, "allow", "cron"), ct);
        await db.Get<IWorkflowInstanceStore>().CreateAsync(Running(tenant, "idle", "http"), ct); // not started by cron

        var outcomes = await store.CommitAsync(
            [Fire(busy, FireTime, true), Fire(allow, FireTime, false), Fire(idle, FireTime, true), Fire(twice, FireTime, true), Fire(twiceOther, FireTime, true)],
            ct);

        // Two triggers of one workflow due together: the first starts a run, the second overlaps it.
        outcomes.ShouldBe([CronFireOutcome.SkippedRunning, CronFireOutcome.Started, CronFireOutcome.Started, CronFireOutcome.Started, CronFireOutcome.SkippedRunning]);
        var last = await store.GetLastFiresAsync([busy, allow, idle, twice, twiceOther], ct);
        last.Count.ShouldBe(5); // a skipped fire is still used up
        (await store.CommitAsync([Fire(busy, FireTime, true)], ct)).ShouldBe([CronFireOutcome.ClaimedElsewhere]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task GetLastFiresAsync_FewOrThousands_ReturnsWhatWasRecordedAndOnlyForThoseTriggers(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<ICronFireStore>();
        var tenant = Some.TenantId();
        var triggers = Enumerable.Range(0, 300).Select(i => new CronTriggerKey(tenant, $"wf-{i}", "cron")).ToList();
        var recorded = triggers.Where((_, i) => i % 3 != 0).ToList();
        foreach (var chunk in recorded.Chunk(128))
        {
            (await store.CommitAsync([.. chunk.Select(t => new CronFireCommit { Trigger = t, LastFire = FireTime })], ct)).ShouldAllBe(o => o == CronFireOutcome.Recorded);
        }

        // Recording again replaces the last fire.
        await store.CommitAsync([new CronFireCommit { Trigger = triggers[1], LastFire = FireTime.AddMinutes(5) }], ct);
        var other = new CronTriggerKey(Some.TenantId(), "wf-1", "cron");
        await store.CommitAsync([new CronFireCommit { Trigger = other, LastFire = FireTime.AddDays(1) }], ct);

        var all = await store.GetLastFiresAsync(triggers, ct);
        all.Count.ShouldBe(200);
        all[triggers[1]].ShouldBe(FireTime.AddMinutes(5));
        all[triggers[2]].ShouldBe(FireTime);
        all.ContainsKey(triggers[3]).ShouldBeFalse();

        var few = await store.GetLastFiresAsync([triggers[1], triggers[3], other], ct);
        few.Count.ShouldBe(2);
        few[triggers[1]].ShouldBe(FireTime.AddMinutes(5));
        few[other].ShouldBe(FireTime.AddDays(1));
    }

    private static CronFireCommit Fire(CronTriggerKey trigger, DateTimeOffset at, bool skipWhileRunning) => new()
    {
        Trigger = trigger,
        LastFire = at,
        Instance = Running(trigger.TenantId, trigger.DefinitionId, "cron"),
        SkipWhileRunning = skipWhileRunning,
    };

    private static WorkflowInstance Running(string tenant, string definition, string triggerKind) => new()
    {
        Id = Guid.CreateVersion7().ToString("N"),
        TenantId = tenant,
        DefinitionId = definition,
        Version = 1,
        Status = WorkflowStatus.Running,
        StateJson = "{}",
        TriggerKind = triggerKind,
    };
}
