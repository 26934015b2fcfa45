using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Host.Tests.Support;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Tests.Schedules;

public sealed class CronSchedulerTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await RunningHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PublishedCronTrigger_StartsRunsOnItsSchedule_EachFireOnce()
    {
        var (tenant, _) = await _host.CreateTenantAsync();
        var ct = TestContext.Current.CancellationToken;
        var store = _host.Services.GetRequiredService<IWorkflowDefinitionStore>();
        await store.CreateAsync(tenant, new NewWorkflowDefinition("tick", "Tick", null, """
        {"root":{"id":"f","type":"Elsa.Flowchart","activities":[
          {"id":"cron","type":"Elsa.Cron","cronExpression":"* * * * * *"},
          {"id":"out","type":"Elsa.SetOutput","outputName":"Fired","outputValue":{"typeName":"Object","expression":{"type":"CSharp","value":"Trigger[\"fireTime\"]!.ToString()"}}}],
         "connections":[{"source":{"activity":"cron","port":"Done"},"target":{"activity":"out","port":"In"}}]}}
        """, "test"), ct);
        var version = await store.PublishAsync(tenant, "tick", null, ct);
        await _host.Services.GetRequiredService<ITriggerIndexer>().ReindexAsync(tenant, "tick", _host.Services.GetRequiredService<BlueprintCache>().Get(tenant, version!), ct);
        var instances = _host.Services.GetRequiredService<IWorkflowInstanceStore>();

        InstancePage page;
        var deadline = DateTime.UtcNow.AddSeconds(25);
        do
        {
            await Task.Delay(250, ct);
            page = await instances.ListAsync(tenant, new InstanceQuery { DefinitionId = "tick", Status = WorkflowStatus.Finished, PageSize = 100 }, ct);
        }
        while (page.Items.Count < 3 && DateTime.UtcNow < deadline);

        page.Items.Count.ShouldBeGreaterThanOrEqualTo(3);
        page.Items.ShouldAllBe(i => i.TriggerKind == "cron");
        var fires = new List<string>();
        foreach (var item in page.Items)
        {
            var state = RulesEngine.Core.Execution.WorkflowState.Deserialize((await instances.GetAsync(tenant, item.Id, ct))!.StateJson!);
            fires.Add((string)state.Output["Fired"]!);
        }

        fires.Distinct().Count().ShouldBe(fires.Count);
    }
}
