using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Host.Tests.Support;
using RulesEngine.Persistence.Connections;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Tests.Hooks;

public sealed class SmartRecruitersHookTests : IAsyncLifetime
{
    private const string SecretKey = "whsec-test-1";
    private RunningHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await RunningHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> SetUpAsync()
    {
        var (tenant, _) = await _host.CreateTenantAsync();
        var ct = TestContext.Current.CancellationToken;
        await _host.Services.GetRequiredService<IConnectionStore>().UpsertAsync(tenant, "smartrecruiters", new ConnectionUpdate
        {
            Kind = "smartrecruiters",
            Settings = new Dictionary<string, string> { ["baseUrl"] = "http://127.0.0.1:9" },
            Secrets = new Dictionary<string, string?> { ["apiKey"] = "k", ["webhookSecretKeys"] = $"[\"old-key\",\"{SecretKey}\"]" },
        }, ct);
        var store = _host.Services.GetRequiredService<IWorkflowDefinitionStore>();
        await store.CreateAsync(tenant, new NewWorkflowDefinition("on-created", "On created", null, """
        {"root":{"id":"f","type":"Elsa.Flowchart","activities":[
          {"id":"evt","type":"SmartRecruiters.Event","events":{"typeName":"String[]","expression":{"type":"Object","value":"[\"application.created\"]"}}},
          {"id":"out","type":"Elsa.SetOutput","outputName":"Candidate","outputValue":{"typeName":"Object","expression":{"type":"CSharp","value":"Trigger[\"candidate_id\"]!.ToString()"}}}],
         "connections":[{"source":{"activity":"evt","port":"Done"},"target":{"activity":"out","port":"In"}}]}}
        """, "test"), ct);
        var version = await store.PublishAsync(tenant, "on-created", null, ct);
        var blueprint = _host.Services.GetRequiredService<BlueprintCache>().Get(tenant, version!);
        blueprint.Problems.Where(p => p.IsError).ShouldBeEmpty();
        await _host.Services.GetRequiredService<ITriggerIndexer>().ReindexAsync(tenant, "on-created", blueprint, ct);
        return tenant;
    }

    private static HttpRequestMessage Delivery(string tenant, string eventName, string eventId, string body, string? key = SecretKey, string? tamperedBody = null)
    {
        const string timestamp = "1732500000";
        var link = "<https://api.smartrecruiters.com/candidates/c-9/jobs/j-1>; rel=\"self\"";
        var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{tenant}/smartrecruiters")
        {
            Content = new StringContent(tamperedBody ?? body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("event-name", eventName);
        request.Headers.Add("event-id", eventId);
        request.Headers.Add("event-version", "1");
        request.Headers.TryAddWithoutValidation("Link", link);
        request.Headers.Add("smartrecruiters-timestamp", timestamp);
        if (key is not null)
        {
            var signed = $"{timestamp}.{body}.{eventId}.{eventName}.1.{link}";
            var hex = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(signed)));
            request.Headers.Add("smartrecruiters-signature", $"v1={hex}");
        }

        return request;
    }

    private async Task<IReadOnlyList<WorkflowInstanceSummary>> FinishedAsync(string tenant, int atLeast)
    {
        var instances = _host.Services.GetRequiredService<IWorkflowInstanceStore>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var page = await instances.ListAsync(tenant, new InstanceQuery { DefinitionId = "on-created", Status = RulesEngine.Persistence.Instances.WorkflowStatus.Finished }, TestContext.Current.CancellationToken);
            if (page.Items.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                return page.Items;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Handshake_EchoesTheHookSecret()
    {
        var tenant = await SetUpAsync();
        using var client = _host.Client(token: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{tenant}/smartrecruiters");
        request.Headers.Add("X-Hook-Secret", "handshake-123");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Hook-Secret").Single().ShouldBe("handshake-123");
    }

    [Fact]
    public async Task SignedDelivery_IsAcknowledgedAndStartsTheMatchingWorkflow_OncePerEventId()
    {
        var tenant = await SetUpAsync();
        using var client = _host.Client(token: null);
        const string body = """{"job_id":"j-1","candidate_id":"c-9","application_id":"a-5"}""";

        var first = await client.SendAsync(Delivery(tenant, "application.created", "evt-1", body), TestContext.Current.CancellationToken);
        var again = await client.SendAsync(Delivery(tenant, "application.created", "evt-1", body), TestContext.Current.CancellationToken);
        var other = await client.SendAsync(Delivery(tenant, "candidate.updated", "evt-2", """{"id":"c-9"}"""), TestContext.Current.CancellationToken);

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        again.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        other.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var finished = await FinishedAsync(tenant, 1);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        (await FinishedAsync(tenant, 2)).Count.ShouldBe(1);
        finished.Single().TriggerKind.ShouldBe("smartrecruiters");
    }

    [Theory]
    [InlineData("wrong-key", false)]
    [InlineData(null, false)]
    [InlineData(SecretKey, true)]
    public async Task Signature_IsChecked(string? key, bool tamper)
    {
        var tenant = await SetUpAsync();
        using var client = _host.Client(token: null);
        const string body = """{"job_id":"j-1","candidate_id":"c-9","application_id":"a-5"}""";

        var response = await client.SendAsync(
            Delivery(tenant, "application.created", "evt-x", body, key, tamper ? body.Replace("c-9", "c-0", StringComparison.Ordinal) : null),
            TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
