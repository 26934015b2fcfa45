using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using RulesEngine.Core.Execution;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Host.Tests.Support;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Schedules;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Tests.Schedules;

/// <summary>Cron on Quartz.NET in a real host whose clock the test moves (a fake <see cref="TimeProvider"/>, which Quartz reads too).</summary>
public sealed class CronSchedulerClockTests
{
    // Not on a whole second: a scheduler on a grid from its start would fire at .250, never at the due time.
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 10, 0, 0, 250, TimeSpan.Zero);

    [Fact]
    public async Task ManyTriggersDueAtOneInstant_EachFiresOnceAtItsDueTime_AndAgainAtTheNext()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var host = await RunningHost.StartAsync(services: s => UseClock(s, clock));
        const int Count = 130; // more than one commit batch (128)
        var tenants = new[] { (await host.CreateTenantAsync()).Tenant, (await host.CreateTenantAsync()).Tenant };
        var triggers = Enumerable.Range(0, Count).Select(i => new CronTriggerKey(tenants[i % 2], $"wf{i}", "cron")).ToList();
        await Parallel.ForEachAsync(triggers, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (t, _) =>
            await PublishAsync(host, t.TenantId, t.DefinitionId, """{"id":"cron","type":"Elsa.Cron","cronExpression":"0 * * * * *"}"""));

        var first = new DateTimeOffset(2026, 5, 4, 10, 1, 0, TimeSpan.Zero);
        (await NextFiresAsync(host, triggers)).ShouldAllBe(next => next == first);

        var fired = await PassAsync(host, clock, first, tenants, Count);
        fired.ShouldAllBe(f => f.Instance.CreatedAt == first && f.Instance.TriggerKind == "cron");
        fired.Select(f => (f.TenantId, f.Instance.DefinitionId)).Distinct().Count().ShouldBe(Count);

        // The next fires start only once these runs are done (overlap policy "skip" by default).
        await FinishedAsync(host, tenants, Count);
        var second = first.AddMinutes(1);
        fired = await PassAsync(host, clock, second, tenants, 2 * Count);
        fired.Count(f => f.Instance.CreatedAt == second).ShouldBe(Count);
        fired.GroupBy(f => (f.TenantId, f.Instance.DefinitionId)).ShouldAllBe(g => g.Count() == 2);

        // Each instance carries the fire time it was started for.
        var sample = fired.First(f => f.Instance.CreatedAt == second);
        var state = WorkflowState.Deserialize((await host.Services.GetRequiredService<IWorkflowInstanceStore>().GetAsync(sample.TenantId, sample.Instance.Id, ct))!.StateJson!);
        DateTimeOffset.Parse(state.Trigger!.Body!["fireTime"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(second);
    }

    [Fact]
    public async Task DailyInWarsaw_AcrossTheSpringForwardGap_FiresOnceEachNight()
    {
        // 02:30 CET is 01:30 UTC; on 29 March 02:30 does not exist (02:00 → 03:00 CEST) and it fires at 03:00 CEST, 01:00
        // UTC; from then on 02:30 CEST is 00:30 UTC.
        DateTimeOffset[] nights = [new(2026, 3, 28, 1, 30, 0, TimeSpan.Zero), new(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), new(2026, 3, 30, 0, 30, 0, TimeSpan.Zero)];
        var folder = Directory.CreateTempSubdirectory("rulesengine-cron-").FullName;
        try
        {
            var tenant = string.Empty;
            for (var i = 0; i < nights.Length; i++)
            {
                // A host per night, started a minute before it: a fake clock moved across a whole day would run every
                // periodic timer of the host once per period on the way.
                var clock = new FakeTimeProvider(nights[i].AddMinutes(-1));
                await using var host = await RunningHost.StartAsync(folder, services: s => UseClock(s, clock));
                if (i == 0)
                {
                    tenant = (await host.CreateTenantAsync()).Tenant;
                    await PublishAsync(host, tenant, "nightly", """{"id":"cron","type":"Elsa.Cron","cronExpression":"30 2 * * *","timeZone":"Europe/Warsaw","overlapPolicy":"Allow"}""");
                }

                (await NextFiresAsync(host, [new(tenant, "nightly", "cron")])).ShouldBe([nights[i]]);
                var fired = await PassAsync(host, clock, nights[i], [tenant], i + 1);
                fired.Count(f => f.Instance.CreatedAt == nights[i]).ShouldBe(1);
                if (i == nights.Length - 1)
                {
                    (await NextFiresAsync(host, [new(tenant, "nightly", "cron")])).ShouldBe([new DateTimeOffset(2026, 3, 31, 0, 30, 0, TimeSpan.Zero)]);
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TimerTrigger_StartsARunEveryInterval_FromOneIntervalAfterItsPublish()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await RunningHost.StartAsync(services: s => UseClock(s, clock));
        var tenant = (await host.CreateTenantAsync()).Tenant;
        await PublishAsync(host, tenant, "ticker", """{"id":"cron","type":"Elsa.Timer","interval":"00:00:30"}""");

        var first = Start.AddSeconds(30);
        (await NextFiresAsync(host, [new(tenant, "ticker", "cron")])).ShouldBe([first]);
        var fired = await PassAsync(host, clock, first, [tenant], 1);
        fired.Single().Instance.TriggerKind.ShouldBe("timer");

        // A new version with the same schedule: the job is replaced, the Quartz trigger and its next tick are kept, and
        // that tick runs the new version.
        var ct = TestContext.Current.CancellationToken;
        var v2 = await host.Services.GetRequiredService<IWorkflowDefinitionStore>().RollbackAsync(tenant, "ticker", 1, "test", ct);
        v2!.Version.ShouldBe(2);
        await host.Services.GetRequiredService<ITriggerIndexer>().ReindexAsync(tenant, "ticker", host.Services.GetRequiredService<BlueprintCache>().Get(tenant, v2), ct);
        (await NextFiresAsync(host, [new(tenant, "ticker", "cron")])).ShouldBe([first.AddSeconds(30)]);

        fired = await PassAsync(host, clock, first.AddSeconds(30), [tenant], 2);
        fired.Select(f => f.Instance.CreatedAt).Order().ShouldBe([first, first.AddSeconds(30)]);
        fired.Single(f => f.Instance.CreatedAt == first.AddSeconds(30)).Instance.Version.ShouldBe(2);

        // Retracted: Quartz drops the job with the index entry.
        await host.Services.GetRequiredService<ITriggerIndexer>().ReindexAsync(tenant, "ticker", null, ct);
        (await NextFiresAsync(host, [new(tenant, "ticker", "cron")])).ShouldBe([null]);
    }

    [Fact]
    public async Task CronWithNoFireLeft_IsPublishedButNotScheduled_AndDoesNotBlockTheOthers()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await RunningHost.StartAsync(services: s => UseClock(s, clock));
        var tenant = (await host.CreateTenantAsync()).Tenant;
        await PublishAsync(host, tenant, "past", """{"id":"cron","type":"Elsa.Cron","cronExpression":"0 0 0 1 1 ? 2020"}""");
        await PublishAsync(host, tenant, "hourly", """{"id":"cron","type":"Elsa.Cron","cronExpression":"0 * * * *"}""");

        (await NextFiresAsync(host, [new(tenant, "past", "cron"), new(tenant, "hourly", "cron")]))
            .ShouldBe([null, new DateTimeOffset(2026, 5, 4, 11, 0, 0, TimeSpan.Zero)]);
    }

    [Fact]
    public async Task HostDownForHours_RunOnceCatchesUpWithOneFire_SkipWaitsForTheNext()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("rulesengine-cron-").FullName;
        try
        {
            string tenant;
            var clock = new FakeTimeProvider(Start);
            await using (var host = await RunningHost.StartAsync(folder, services: s => UseClock(s, clock)))
            {
                tenant = (await host.CreateTenantAsync()).Tenant;
                await PublishAsync(host, tenant, "catchup", """{"id":"cron","type":"Elsa.Cron","cronExpression":"0 0 * * * *","misfirePolicy":"RunOnce"}""");
                await PublishAsync(host, tenant, "skip", """{"id":"cron","type":"Elsa.Cron","cronExpression":"0 0 * * * *","misfirePolicy":"Skip"}""");
                (await NextFiresAsync(host, [new(tenant, "catchup", "cron"), new(tenant, "skip", "cron")]))
                    .ShouldAllBe(next => next == new DateTimeOffset(2026, 5, 4, 11, 0, 0, TimeSpan.Zero));
            }

            // Restarted two and a half hours later: 11:00 and 12:00 were missed. "RunOnce" fires once, now, for the first
            // missed fire (Quartz's fire-and-proceed); "Skip" waits for 13:00.
            var restart = new DateTimeOffset(2026, 5, 4, 12, 30, 0, TimeSpan.Zero);
            var later = new FakeTimeProvider(restart);
            await using var restarted = await RunningHost.StartAsync(folder, services: s => UseClock(s, later));
            var fired = await InstancesAsync(restarted, [tenant], 1);
            fired.Single().Instance.DefinitionId.ShouldBe("catchup");
            fired[0].Instance.CreatedAt.ShouldBe(restart);
            var state = WorkflowState.Deserialize((await restarted.Services.GetRequiredService<IWorkflowInstanceStore>().GetAsync(tenant, fired[0].Instance.Id, ct))!.StateJson!);
            DateTimeOffset.Parse(state.Trigger!.Body!["fireTime"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture)
                .ShouldBe(new DateTimeOffset(2026, 5, 4, 11, 0, 0, TimeSpan.Zero));
            await Task.Delay(500, ct);
            (await InstancesAsync(restarted, [tenant], 1)).Count.ShouldBe(1); // and no second catch-up fire follows

            var next = new DateTimeOffset(2026, 5, 4, 13, 0, 0, TimeSpan.Zero);
            fired = await PassAsync(restarted, later, next, [tenant], 3);
            fired.Where(f => f.Instance.CreatedAt == next).Select(f => f.Instance.DefinitionId).Order().ShouldBe(["catchup", "skip"]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void UseClock(IServiceCollection services, TimeProvider clock)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(clock);
    }

    private static async Task PublishAsync(RunningHost host, string tenant, string id, string cronActivity)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = host.Services.GetRequiredService<IWorkflowDefinitionStore>();
        await store.CreateAsync(tenant, new NewWorkflowDefinition(id, id, null, $$$"""
        {"root":{"id":"f","type":"Elsa.Flowchart","activities":[
          {{{cronActivity}}},
          {"id":"out","type":"Elsa.SetOutput","outputName":"Fired","outputValue":"yes"}],
         "connections":[{"source":{"activity":"cron","port":"Done"},"target":{"activity":"out","port":"In"}}]}}
        """, "test"), ct);
        var version = await store.PublishAsync(tenant, id, null, ct);
        await host.Services.GetRequiredService<ITriggerIndexer>().ReindexAsync(tenant, id, host.Services.GetRequiredService<BlueprintCache>().Get(tenant, version!), ct);
    }

    /// <summary>The next fire time Quartz holds for each trigger (null when it has no trigger for it).</summary>
    private static async Task<List<DateTimeOffset?>> NextFiresAsync(RunningHost host, IReadOnlyCollection<CronTriggerKey> triggers)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        var found = await scheduler.GetTriggers([.. triggers.Select(t => new TriggerKey($"{t.DefinitionId}/{t.ActivityId}", t.TenantId))], TestContext.Current.CancellationToken);
        return [.. triggers.Select(t => found.FirstOrDefault(f => f.Key.Name == $"{t.DefinitionId}/{t.ActivityId}" && f.Key.Group == t.TenantId)?.NextFireTimeUtc)];
    }

    /// <summary>Moves the clock to just before <paramref name="due"/>, then onto it, and waits for the instances.</summary>
    private static async Task<List<Fired>> PassAsync(RunningHost host, FakeTimeProvider clock, DateTimeOffset due, string[] tenants, int expected)
    {
        clock.SetUtcNow(due.AddMilliseconds(-1));
        await Task.Delay(200, TestContext.Current.CancellationToken); // the scheduler settles on its wake-up for the due time
        clock.SetUtcNow(due);
        return await InstancesAsync(host, tenants, expected);
    }

    private static async Task FinishedAsync(RunningHost host, string[] tenants, int expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = host.Services.GetRequiredService<IWorkflowInstanceStore>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var finished = 0;
        while (finished < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, ct);
            finished = 0;
            foreach (var tenant in tenants)
            {
                finished += (await store.ListAsync(tenant, new InstanceQuery { Status = RulesEngine.Persistence.Instances.WorkflowStatus.Finished, PageSize = 500 }, ct)).Items.Count;
            }
        }

        finished.ShouldBe(expected);
    }

    private static async Task<List<Fired>> InstancesAsync(RunningHost host, string[] tenants, int expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = host.Services.GetRequiredService<IWorkflowInstanceStore>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var all = new List<Fired>();
            foreach (var tenant in tenants)
            {
                all.AddRange((await store.ListAsync(tenant, new InstanceQuery { PageSize = 500 }, ct)).Items.Select(i => new Fired(tenant, i)));
            }

            if (all.Count >= expected || DateTime.UtcNow > deadline)
            {
                all.Count.ShouldBe(expected);
                return all;
            }

            await Task.Delay(100, ct);
        }
    }

    private sealed record Fired(string TenantId, WorkflowInstanceSummary Instance);
}
