using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Serialization;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Host.Tests.Support;
using RulesEngine.Persistence.Connections;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Tests.Hooks;

public sealed class HttpEndpointHookTests : IAsyncLifetime
{
    private RunningHost _host = null!;
    private RecordingSink _sink = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await RunningHost.StartAsync();
        _sink = await RecordingSink.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _sink.DisposeAsync();
        await _host.DisposeAsync();
    }

    /// <summary>The Hellohire rating flow: webhook → C# builds the tag → POST to the vendor/ATS → answer 200 with the tag.</summary>
    private const string Tagging = """
    {"variables":[{"id":"tag","name":"Tag","typeName":"String"}],
     "root":{"id":"f","type":"Elsa.Flowchart","activities":[
       {"id":"hook","type":"Elsa.HttpEndpoint","path":"hellohire/rating","supportedMethods":["POST"],"customProperties":{"canStartWorkflow":true}},
       {"id":"tag","type":"Elsa.SetVariable","variable":"Tag","value":{"typeName":"Object","expression":{"type":"CSharp","value":"$\"hellohire - {Trigger[\"interview\"]!.GetValue<string>().ToLowerInvariant()} - {Trigger[\"rating\"]!.GetValue<string>().ToLowerInvariant()}\""}}},
       {"id":"send","type":"Elsa.SendHttpRequest","connection":"ats","method":"POST",
        "url":{"typeName":"String","expression":{"type":"CSharp","value":"$\"candidates/{Trigger[\"candidateId\"]}/tags\""}},
        "content":{"typeName":"Object","expression":{"type":"CSharp","value":"new System.Text.Json.Nodes.JsonObject { [\"tags\"] = new System.Text.Json.Nodes.JsonArray(Variables.Tag) }"}}},
       {"id":"answer","type":"Elsa.WriteHttpResponse","statusCode":200,"content":{"typeName":"Object","expression":{"type":"CSharp","value":"new System.Text.Json.Nodes.JsonObject { [\"tag\"] = Variables.Tag }"}}}],
      "connections":[
       {"source":{"activity":"hook","port":"Done"},"target":{"activity":"tag","port":"In"}},
       {"source":{"activity":"tag","port":"Done"},"target":{"activity":"send","port":"In"}},
       {"source":{"activity":"send","port":"Done"},"target":{"activity":"answer","port":"In"}}]}}
    """;

    private static string TaggingWorkflow(bool answer)
    {
        var json = JsonNode.Parse(Tagging)!;
        if (!answer)
        {
            var root = json["root"]!;
            var activities = root["activities"]!.AsArray();
            activities.Remove(activities.Single(a => a!["id"]!.GetValue<string>() == "answer"));
            var connections = root["connections"]!.AsArray();
            connections.Remove(connections.Single(c => c!["target"]!["activity"]!.GetValue<string>() == "answer"));
        }

        return json.ToJsonString();
    }

    private async Task<string> SetUpAsync(bool answer, string? requiredHeader = null)
    {
        var (tenant, _) = await _host.CreateTenantAsync();
        var ct = TestContext.Current.CancellationToken;
        await _host.Services.GetRequiredService<IConnectionStore>().UpsertAsync(tenant, "ats", new ConnectionUpdate
        {
            Kind = "http",
            Settings = new Dictionary<string, string> { ["baseUrl"] = _sink.BaseAddress.ToString() },
            Secrets = new Dictionary<string, string?> { ["authHeaderName"] = "X-Api-Key", ["authHeaderValue"] = "vendor-secret-42" },
        }, ct);
        var json = TaggingWorkflow(answer);
        if (requiredHeader is not null)
        {
            json = json.Replace("\"supportedMethods\":[\"POST\"]", $"\"supportedMethods\":[\"POST\"],\"requiredHeader\":\"{requiredHeader}\",\"requiredHeaderConnection\":\"hook-secret\"", StringComparison.Ordinal);
            await _host.Services.GetRequiredService<IConnectionStore>().UpsertAsync(tenant, "hook-secret", new ConnectionUpdate
            {
                Kind = "http",
                Settings = new Dictionary<string, string> { ["baseUrl"] = "http://127.0.0.1/" },
                Secrets = new Dictionary<string, string?> { ["authHeaderValue"] = "let-me-in" },
            }, ct);
        }

        var store = _host.Services.GetRequiredService<IWorkflowDefinitionStore>();
        await store.CreateAsync(tenant, new NewWorkflowDefinition("rating", "Rating", null, json, "test"), ct);
        var version = await store.PublishAsync(tenant, "rating", null, ct);
        var blueprint = _host.Services.GetRequiredService<BlueprintCache>().Get(tenant, version!);
        blueprint.Problems.Where(p => p.IsError).ShouldBeEmpty();
        await _host.Services.GetRequiredService<ITriggerIndexer>().ReindexAsync(tenant, "rating", blueprint, ct);
        return tenant;
    }

    private static StringContent Rating(string candidate = "c-1") =>
        new($$"""{"candidateId":"{{candidate}}","interview":"CSR","rating":"Yes","email":"a@b.c"}""", Encoding.UTF8, "application/json");

    [Fact]
    public async Task Post_WithWriteHttpResponse_RunsInlineAndAnswersWithTheWorkflowsResponse()
    {
        var tenant = await SetUpAsync(answer: true);
        using var client = _host.Client(token: null);

        var response = await client.PostAsync($"/hooks/{tenant}/Hellohire/Rating/", Rating(), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!["tag"]!.GetValue<string>().ShouldBe("hellohire - csr - yes");
        var call = _sink.Requests.ShouldHaveSingleItem();
        call.Path.ShouldBe("/candidates/c-1/tags");
        JsonNode.Parse(call.Body)!["tags"]![0]!.GetValue<string>().ShouldBe("hellohire - csr - yes");
        call.Headers["X-Api-Key"].ShouldBe("vendor-secret-42");
    }

    [Fact]
    public async Task Post_WithoutResponseActivity_Answers202WithTheInstance_WhichThenFinishes()
    {
        var tenant = await SetUpAsync(answer: false);
        using var client = _host.Client(token: null);

        var response = await client.PostAsync($"/hooks/{tenant}/hellohire/rating", Rating(), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!["instanceId"]!.GetValue<string>();
        var instances = _host.Services.GetRequiredService<IWorkflowInstanceStore>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await instances.GetAsync(tenant, id, TestContext.Current.CancellationToken))!.Status != RulesEngine.Persistence.Instances.WorkflowStatus.Finished && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        (await instances.GetAsync(tenant, id, TestContext.Current.CancellationToken))!.Status.ShouldBe(RulesEngine.Persistence.Instances.WorkflowStatus.Finished);
        _sink.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task RepeatedDelivery_WithTheSameIdempotencyKey_StartsOneRun()
    {
        var tenant = await SetUpAsync(answer: true);
        using var client = _host.Client(token: null);

        var responses = new List<HttpResponseMessage>();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{tenant}/hellohire/rating") { Content = Rating() };
            request.Headers.Add("Idempotency-Key", "delivery-77");
            responses.Add(await client.SendAsync(request, TestContext.Current.CancellationToken));
        }

        responses[0].StatusCode.ShouldBe(HttpStatusCode.OK);
        responses.Skip(1).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Accepted && r.Headers.Contains("Idempotent-Replayed"));
        _sink.Requests.Count.ShouldBe(1);
        var page = await _host.Services.GetRequiredService<IWorkflowInstanceStore>().ListAsync(tenant, new InstanceQuery { IncludeTotalCount = true }, TestContext.Current.CancellationToken);
        page.TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task WrongMethod_UnknownPath_AndOversizedBody_AreRefusedWithoutARun()
    {
        var tenant = await SetUpAsync(answer: true);
        using var client = _host.Client(token: null);

        (await client.GetAsync($"/hooks/{tenant}/hellohire/rating", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await client.PostAsync($"/hooks/{tenant}/nobody/listens", Rating(), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync($"/hooks/other-tenant/hellohire/rating", Rating(), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var huge = new StringContent("{\"x\":\"" + new string('a', 1_100_000) + "\"}", Encoding.UTF8, "application/json");
        (await client.PostAsync($"/hooks/{tenant}/hellohire/rating", huge, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        _sink.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task RequiredHeaderSecret_IsEnforced()
    {
        var tenant = await SetUpAsync(answer: true, requiredHeader: "X-Hook-Token");
        using var client = _host.Client(token: null);

        (await client.PostAsync($"/hooks/{tenant}/hellohire/rating", Rating(), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{tenant}/hellohire/rating") { Content = Rating() };
        wrong.Headers.Add("X-Hook-Token", "guess");
        (await client.SendAsync(wrong, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var right = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{tenant}/hellohire/rating") { Content = Rating() };
        right.Headers.Add("X-Hook-Token", "let-me-in");
        (await client.SendAsync(right, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        _sink.Requests.Count.ShouldBe(1);
    }
}
