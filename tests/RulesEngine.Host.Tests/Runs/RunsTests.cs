using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Host.Tests.Support;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Tests.Runs;

public sealed class RunsTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await RunningHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task PublishAsync(string tenant, string definitionId, string json)
    {
        var store = _host.Services.GetRequiredService<IWorkflowDefinitionStore>();
        var ct = TestContext.Current.CancellationToken;
        (await store.CreateAsync(tenant, new NewWorkflowDefinition(definitionId, definitionId, null, json, "test"), ct)).ShouldNotBeNull();
        (await store.PublishAsync(tenant, definitionId, null, ct)).ShouldNotBeNull();
    }

    private async Task<JsonNode> WaitForStatusAsync(HttpClient client, string tenant, string instanceId, params string[] statuses)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var detail = await client.GetFromJsonAsync<JsonNode>($"/api/tenants/{tenant}/instances/{instanceId}", TestContext.Current.CancellationToken);
            var status = detail!["status"]!.GetValue<string>();
            if (statuses.Contains(status) || DateTime.UtcNow > deadline)
            {
                status.ShouldBeOneOf(statuses);
                return detail;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task RunNow_QueuesTheInstance_WhichFinishesWithItsJournalStored()
    {
        var (tenant, token) = await _host.CreateTenantAsync();
        await PublishAsync(tenant, "hello", """
        {"variables":[{"id":"g","name":"Greeting","typeName":"String"}],
         "root":{"id":"f","type":"Elsa.Flowchart","activities":[
           {"id":"set","type":"Elsa.SetVariable","variable":"Greeting","value":{"typeName":"Object","expression":{"type":"CSharp","value":"\"hi \" + Trigger[\"who\"]"}}},
           {"id":"out","type":"Elsa.SetOutput","outputName":"Said","outputValue":{"typeName":"Object","expression":{"type":"Variable","value":"Greeting"}}}],
          "connections":[{"source":{"activity":"set","port":"Done"},"target":{"activity":"out","port":"In"}}]}}
        """);
        var dispatcher = _host.Services.GetRequiredService<IWorkflowDispatcher>();

        var id = await dispatcher.EnqueueAsync(tenant, "hello", new RunRequest { Body = JsonNode.Parse("""{"who":"ana"}""") }, TestContext.Current.CancellationToken);

        using var client = _host.Client(token);
        var detail = await WaitForStatusAsync(client, tenant, id, "Finished");
        detail["outputs"]!["Said"]!.GetValue<string>().ShouldBe("hi ana");
        var journal = detail["journal"]!.AsArray();
        journal.Select(j => j!["activityId"]!.GetValue<string>()).ShouldBe(["f", "set", "out"]);
        journal[1]!["outcomes"]!.AsArray().Single()!.GetValue<string>().ShouldBe("Done");

        var list = await client.GetFromJsonAsync<JsonNode>($"/api/tenants/{tenant}/instances?definitionId=hello&status=Finished", TestContext.Current.CancellationToken);
        list!["items"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe(id);
        list["total"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Delay_SuspendsDurably_AndTheTimerWorkerResumesIt()
    {
        var (tenant, token) = await _host.CreateTenantAsync();
        await PublishAsync(tenant, "wait", """
        {"root":{"id":"f","type":"Elsa.Flowchart","activities":[
          {"id":"d","type":"Elsa.Delay","timeSpan":"00:00:01"},
          {"id":"out","type":"Elsa.SetOutput","outputName":"Woke","outputValue":"yes"}],
         "connections":[{"source":{"activity":"d","port":"Done"},"target":{"activity":"out","port":"In"}}]}}
        """);
        var dispatcher = _host.Services.GetRequiredService<IWorkflowDispatcher>();

        var outcome = await dispatcher.RunAsync(tenant, "wait", new RunRequest(), TestContext.Current.CancellationToken);

        outcome.State!.Status.ShouldBe(RulesEngine.Core.Execution.WorkflowStatus.Suspended);
        using var client = _host.Client(token);
        var detail = await WaitForStatusAsync(client, tenant, outcome.InstanceId, "Finished");
        detail["outputs"]!["Woke"]!.GetValue<string>().ShouldBe("yes");
        detail["bookmarks"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancel_ASuspendedInstance_DropsItsTimer()
    {
        var (tenant, token) = await _host.CreateTenantAsync();
        await PublishAsync(tenant, "long", """{"root":{"id":"f","type":"Elsa.Flowchart","activities":[{"id":"d","type":"Elsa.Delay","timeSpan":"1h"}]}}""");
        var outcome = await _host.Services.GetRequiredService<IWorkflowDispatcher>().RunAsync(tenant, "long", new RunRequest(), TestContext.Current.CancellationToken);
        using var client = _host.Client(token);

        var response = await client.PostAsync($"/api/tenants/{tenant}/instances/{outcome.InstanceId}/cancel", null, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var detail = await WaitForStatusAsync(client, tenant, outcome.InstanceId, "Cancelled");
        detail["bookmarks"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Retry_AFaultedInstance_RunsFromTheFaultedActivity()
    {
        var (tenant, token) = await _host.CreateTenantAsync();
        await PublishAsync(tenant, "flaky", """
        {"root":{"id":"f","type":"Elsa.Flowchart","activities":[
          {"id":"check","type":"Elsa.FlowDecision","condition":{"typeName":"Boolean","expression":{"type":"CSharp","value":"Mappings[\"switches\"][\"ok\"] == \"yes\" ? true : throw new InvalidOperationException(\"switch is off\")"}}},
          {"id":"out","type":"Elsa.SetOutput","outputName":"Ok","outputValue":"done"}],
         "connections":[{"source":{"activity":"check","port":"True"},"target":{"activity":"out","port":"In"}}]}}
        """);
        var outcome = await _host.Services.GetRequiredService<IWorkflowDispatcher>().RunAsync(tenant, "flaky", new RunRequest(), TestContext.Current.CancellationToken);
        outcome.State!.Status.ShouldBe(RulesEngine.Core.Execution.WorkflowStatus.Faulted);
        outcome.State!.Fault!.Message.ShouldContain("switch is off");

        var mappings = _host.Services.GetRequiredService<RulesEngine.Persistence.Mappings.IMappingTableStore>();
        await mappings.UpsertTableAsync(tenant, "switches", null, TestContext.Current.CancellationToken);
        await mappings.SetRowAsync(tenant, "switches", "ok", "yes", TestContext.Current.CancellationToken);
        using var client = _host.Client(token);
        var response = await client.PostAsync($"/api/tenants/{tenant}/instances/{outcome.InstanceId}/retry", null, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var detail = await WaitForStatusAsync(client, tenant, outcome.InstanceId, "Finished");
        detail["outputs"]!["Ok"]!.GetValue<string>().ShouldBe("done");
        detail["journal"]!.AsArray().Count(j => j!["activityId"]!.GetValue<string>() == "check").ShouldBe(2);
    }

    [Fact]
    public async Task Instances_OfAnotherTenant_Answer404()
    {
        var (tenantA, _) = await _host.CreateTenantAsync();
        var (_, tokenB) = await _host.CreateTenantAsync();
        await PublishAsync(tenantA, "secret-flow", """{"root":{"id":"f","type":"Elsa.Flowchart","activities":[{"id":"d","type":"Elsa.Delay","timeSpan":"1h"}]}}""");
        var outcome = await _host.Services.GetRequiredService<IWorkflowDispatcher>().RunAsync(tenantA, "secret-flow", new RunRequest(), TestContext.Current.CancellationToken);
        using var asB = _host.Client(tokenB);

        (await asB.GetAsync($"/api/tenants/{tenantA}/instances", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await asB.GetAsync($"/api/tenants/{tenantA}/instances/{outcome.InstanceId}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await asB.PostAsync($"/api/tenants/{tenantA}/instances/{outcome.InstanceId}/cancel", null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var anonymous = _host.Client(token: null);
        (await anonymous.GetAsync($"/api/tenants/{tenantA}/instances", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RunNow_OfAWorkflowWithoutPublishedVersion_IsRefusedClearly()
    {
        var (tenant, _) = await _host.CreateTenantAsync();
        var dispatcher = _host.Services.GetRequiredService<IWorkflowDispatcher>();

        var ex = await Should.ThrowAsync<WorkflowNotRunnableException>(() => dispatcher.EnqueueAsync(tenant, "nope", new RunRequest(), TestContext.Current.CancellationToken));

        ex.Message.ShouldBe("workflow 'nope' does not exist");
    }
}
