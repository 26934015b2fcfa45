using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Host.Tests.Support;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Tests.Compatibility;

/// <summary>Elsa events and child workflows in the real host over loopback, with the Elsa fixture files.</summary>
public sealed class ElsaRuntimeTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await RunningHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Elsa", name));

    /// <summary>Imports the fixture and publishes it through the API, as a user would (publishing indexes its triggers).</summary>
    private async Task<JsonNode> PublishAsync(string tenant, string fixture)
    {
        using var client = _host.Client();
        var imported = await client.PostAsync($"/api/tenants/{tenant}/workflows/import", new StringContent(Fixture(fixture), System.Text.Encoding.UTF8, "application/json"), Ct);
        imported.StatusCode.ShouldBe(HttpStatusCode.Created, await imported.Content.ReadAsStringAsync(Ct));
        var result = (await imported.Content.ReadFromJsonAsync<JsonNode>(Ct))!.AsArray().ShouldHaveSingleItem()!;
        var definitionId = result["definitionId"]!.GetValue<string>();
        var published = await client.PostAsync($"/api/tenants/{tenant}/workflows/{definitionId}/publish", null, Ct);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync(Ct));
        return result;
    }

    private async Task<InstanceOutcome> RunAsync(string tenant, string definitionId, params (string Name, object? Value)[] input) =>
        await _host.Services.GetRequiredService<IWorkflowDispatcher>().RunAsync(tenant, definitionId,
            new RunRequest { Input = input.ToDictionary(i => i.Name, i => i.Value) }, Ct);

    private static async Task<JsonNode> InstanceAsync(HttpClient client, string tenant, string id) =>
        (await client.GetFromJsonAsync<JsonNode>($"/api/tenants/{tenant}/instances/{id}", Ct))!;

    private static async Task<JsonNode> WaitForStatusAsync(HttpClient client, string tenant, string id, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var detail = await InstanceAsync(client, tenant, id);
            if (detail["status"]!.GetValue<string>() == status || DateTime.UtcNow > deadline)
            {
                detail["status"]!.GetValue<string>().ShouldBe(status);
                return detail;
            }

            await Task.Delay(100, Ct);
        }
    }

    [Fact]
    public async Task EventsApi_ResumesTheTwoInstancesWithTheCorrelationId_NotTheThird_AndStartsTheWorkflowItTriggers()
    {
        var (tenant, token) = await _host.CreateTenantAsync();
        await PublishAsync(tenant, "events-correlated.json");
        await PublishAsync(tenant, "events-start-on-event.json");
        var first = await RunAsync(tenant, "await-offer-signature", ("CandidateId", "c-1"));
        var second = await RunAsync(tenant, "await-offer-signature", ("CandidateId", "c-1"));
        var third = await RunAsync(tenant, "await-offer-signature", ("CandidateId", "c-2"));
        first.State!.Status.ShouldBe(Core.Execution.WorkflowStatus.Suspended);
        first.State!.Name.ShouldBe("signature of c-1");
        using var client = _host.Client(token);

        var response = await client.PostAsJsonAsync($"/api/tenants/{tenant}/events/OfferSigned",
            new { correlationId = "c-1", payload = new { on = "2026-12-02", candidate = "c-1" } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var delivered = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        delivered["resumed"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe([first.InstanceId, second.InstanceId], ignoreOrder: true);
        var started = delivered["started"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>();
        foreach (var id in (string[])[first.InstanceId, second.InstanceId])
        {
            var detail = await InstanceAsync(client, tenant, id);
            detail["status"]!.GetValue<string>().ShouldBe("Finished");
            detail["outputs"]!["SignedOn"]!.GetValue<string>().ShouldBe("2026-12-02");
        }

        var untouched = await InstanceAsync(client, tenant, third.InstanceId);
        untouched["status"]!.GetValue<string>().ShouldBe("Suspended");
        var welcomed = await WaitForStatusAsync(client, tenant, started, "Finished");
        welcomed["outputs"]!["Welcomed"]!.GetValue<string>().ShouldBe("welcome c-1");
    }

    [Fact]
    public async Task EventsApi_AnInstanceBusyElsewhere_IsResumedOnceItsRunEnds_OrReportedBusy()
    {
        var (tenant, token) = await _host.CreateTenantAsync();
        await PublishAsync(tenant, "events-correlated.json");
        var soon = await RunAsync(tenant, "await-offer-signature", ("CandidateId", "c-7"));
        var late = await RunAsync(tenant, "await-offer-signature", ("CandidateId", "c-8"));
        var instances = _host.Services.GetRequiredService<RulesEngine.Persistence.Instances.IWorkflowInstanceStore>();

        // Another node holds each instance, as while it runs there: one for a second, one for a minute.
        (await instances.TryAcquireLeaseAsync(tenant, soon.InstanceId, "other-node", TimeSpan.FromSeconds(1), Ct)).ShouldBeTrue();
        (await instances.TryAcquireLeaseAsync(tenant, late.InstanceId, "other-node", TimeSpan.FromMinutes(1), Ct)).ShouldBeTrue();
        using var client = _host.Client(token);

        var first = (await (await client.PostAsJsonAsync($"/api/tenants/{tenant}/events/OfferSigned", new { correlationId = "c-7", payload = new { on = "2026-12-04" } }, Ct)).Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        var second = (await (await client.PostAsJsonAsync($"/api/tenants/{tenant}/events/OfferSigned", new { correlationId = "c-8", payload = new { on = "2026-12-04" } }, Ct)).Content.ReadFromJsonAsync<JsonNode>(Ct))!;

        first["resumed"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>().ShouldBe(soon.InstanceId);
        first["busy"]!.AsArray().ShouldBeEmpty();
        (await InstanceAsync(client, tenant, soon.InstanceId))["status"]!.GetValue<string>().ShouldBe("Finished");
        second["resumed"]!.AsArray().ShouldBeEmpty();
        second["busy"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>().ShouldBe(late.InstanceId);
        (await InstanceAsync(client, tenant, late.InstanceId))["status"]!.GetValue<string>().ShouldBe("Suspended");
    }

    [Fact]
    public async Task PublishEventActivity_ResumesTheCorrelatedInstance_OfTheSameTenantOnly()
    {
        var (tenant, _) = await _host.CreateTenantAsync();
        var (other, otherToken) = await _host.CreateTenantAsync();
        foreach (var t in (string[])[tenant, other])
        {
            await PublishAsync(t, "events-correlated.json");
        }

        await PublishAsync(tenant, "events-publisher.json");
        var waiting = await RunAsync(tenant, "await-offer-signature", ("CandidateId", "c-5"));
        var elsewhere = await RunAsync(other, "await-offer-signature", ("CandidateId", "c-5"));

        var publisher = await RunAsync(tenant, "sign-offer", ("CandidateId", "c-5"), ("SignedOn", "2026-12-03"));

        publisher.State!.Status.ShouldBe(Core.Execution.WorkflowStatus.Finished);
        using var admin = _host.Client();
        var detail = await InstanceAsync(admin, tenant, waiting.InstanceId);
        detail["status"]!.GetValue<string>().ShouldBe("Finished");
        detail["outputs"]!["SignedOn"]!.GetValue<string>().ShouldBe("2026-12-03");
        using var otherClient = _host.Client(otherToken);
        (await InstanceAsync(otherClient, other, elsewhere.InstanceId))["status"]!.GetValue<string>().ShouldBe("Suspended");
    }

    [Fact]
    public async Task ExecuteWorkflow_RunsThePublishedChildFromTheStore_AndAWaitingChildIsResumedByAnEventThroughItsParent()
    {
        var (tenant, token) = await _host.CreateTenantAsync();
        await PublishAsync(tenant, "child-score-candidate.json");
        await PublishAsync(tenant, "parent-execute-workflow.json");
        await PublishAsync(tenant, "parent-workflow-activity.json");
        await PublishAsync(tenant, "child-await-signature.json");
        await PublishAsync(tenant, "parent-await-child.json");

        var executed = await RunAsync(tenant, "offer-parent", ("CandidateId", "c-7"), ("Score", 80));
        var asActivity = await RunAsync(tenant, "offer-parent-activity", ("CandidateId", "c-7"), ("Score", 30));
        var parked = await RunAsync(tenant, "parent-await-child", ("CandidateId", "c-9"));

        executed.State!.Output["Tier"].ShouldBe("gold-v2");
        asActivity.State!.Output["Decision"].ShouldBe("reject basic-v2");
        parked.State!.Status.ShouldBe(Core.Execution.WorkflowStatus.Suspended);
        using var client = _host.Client(token);
        var response = await client.PostAsJsonAsync($"/api/tenants/{tenant}/events/OfferSigned", new { correlationId = "c-9", payload = new { on = "2026-12-04" } }, Ct);
        (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["resumed"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>().ShouldBe(parked.InstanceId);
        var detail = await InstanceAsync(client, tenant, parked.InstanceId);
        detail["status"]!.GetValue<string>().ShouldBe("Finished");
        detail["outputs"]!["Signed"]!.GetValue<string>().ShouldBe("Engineer signed on 2026-12-04");
    }

    [Fact]
    public async Task TenantActivities_ListThePublishedWorkflowsUsableAsActivities_WithTheirInputsOutputsAndOutcomes()
    {
        var (tenant, token) = await _host.CreateTenantAsync();
        await PublishAsync(tenant, "child-score-candidate.json");
        await PublishAsync(tenant, "events-correlated.json");
        using var client = _host.Client(token);

        var descriptors = (await client.GetFromJsonAsync<JsonArray>($"/api/tenants/{tenant}/activities", Ct))!;

        descriptors.ShouldContain(d => d!["typeName"]!.GetValue<string>() == "Elsa.ExecuteWorkflow");
        var child = descriptors.Single(d => d!["workflowDefinitionId"]?.GetValue<string>() == "score-candidate")!;
        child["typeName"]!.GetValue<string>().ShouldBe("ScoreCandidate");
        child["category"]!.GetValue<string>().ShouldBe("Recruiting");
        child["workflowVersion"]!.GetValue<int>().ShouldBe(1);
        child["inputs"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ShouldBe(["CandidateId", "Score"]);
        child["outputs"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()).ShouldBe(["Tier", "Summary"]);
        child["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()).ShouldBe(["Hire", "Reject"]);
        descriptors.ShouldNotContain(d => d!["workflowDefinitionId"] != null && d["workflowDefinitionId"]!.GetValue<string>() == "await-offer-signature");
    }

    [Fact]
    public async Task ImportApi_ReportsPerActivityWhatWasKeptButCannotRun_WithCounts()
    {
        var (tenant, _) = await _host.CreateTenantAsync();
        using var client = _host.Client();

        var response = await client.PostAsync($"/api/tenants/{tenant}/workflows/import", new StringContent(Fixture("import-report-mixed.json"), System.Text.Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var report = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!.AsArray().ShouldHaveSingleItem()!["report"]!;
        report["unknownTypes"]!.GetValue<int>().ShouldBe(3);
        report["unsupportedExpressions"]!.GetValue<int>().ShouldBe(1);
        report["unsupportedOptions"]!.GetValue<int>().ShouldBe(5);
        report["summary"]!.GetValue<string>().ShouldBe("3 unknown types, 1 unsupported expression, 5 unsupported options");
        var items = report["items"]!.AsArray().Select(i => (Kind: i!["kind"]!.GetValue<string>(), Activity: i["activityId"]?.GetValue<string>(), Property: i["property"]?.GetValue<string>())).ToList();
        items.Where(i => i.Kind == "unknown-type").Select(i => i.Activity).ShouldBe(["dispatch", "crm", "nested-unknown"], ignoreOrder: true);
        items.ShouldContain(("unsupported-expression", "py", "text"));
        items.ShouldContain(("unsupported-option", "call", "authorization"));
        items.ShouldContain(("unsupported-option", (string?)null, "activationStrategyType"));
    }

    [Fact]
    public async Task EventsApi_AnswersProblemsForBadBodies_AndOtherTenants()
    {
        var (tenant, token) = await _host.CreateTenantAsync();
        var (other, _) = await _host.CreateTenantAsync();
        using var client = _host.Client(token);

        var bad = await client.PostAsync($"/api/tenants/{tenant}/events/OfferSigned", new StringContent("{\"correlationId\":", System.Text.Encoding.UTF8, "application/json"), Ct);
        var foreign = await client.PostAsJsonAsync($"/api/tenants/{other}/events/OfferSigned", new { }, Ct);
        var nobody = await client.PostAsync($"/api/tenants/{tenant}/events/NobodyListens", null, Ct);

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        nobody.StatusCode.ShouldBe(HttpStatusCode.OK);
        var none = (await nobody.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        none["resumed"]!.AsArray().ShouldBeEmpty();
        none["started"]!.AsArray().ShouldBeEmpty();
    }
}
