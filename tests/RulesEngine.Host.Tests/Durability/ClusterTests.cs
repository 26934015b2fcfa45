using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using RulesEngine.Host.Tests.Support;
using RulesEngine.TestSupport.PostgreSql;

namespace RulesEngine.Host.Tests.Durability;

/// <summary>Two real host processes on one PostgreSQL database.</summary>
public sealed class ClusterTests
{
    private const string Token = "cluster-admin-token-123456";

    [Fact]
    public async Task TwoHosts_OnePostgreSql_EachCronFireAndWebhookRunsOnce_AndAKilledHostsRunIsTakenOver()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = await PostgreSqlServer.Shared();
        var database = await server.CreateDatabaseAsync(cancellationToken: ct);
        var slowCalls = 0;
        var slowArrived = new TaskCompletionSource();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var sink = builder.Build();
        sink.Run(async context =>
        {
            if (Interlocked.Increment(ref slowCalls) == 1)
            {
                slowArrived.TrySetResult();
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }

            await context.Response.WriteAsJsonAsync(new { ok = true }, context.RequestAborted);
        });
        await sink.StartAsync(ct);

        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__RulesEngine"] = database,
            ["RulesEngine__Runs__Lease"] = "00:00:03",
            ["RulesEngine__Cron__ClusterCheckinInterval"] = "00:00:02",
        };
        var folderA = Directory.CreateTempSubdirectory("rulesengine-a-").FullName;
        var folderB = Directory.CreateTempSubdirectory("rulesengine-b-").FullName;
        await using var hostA = await HostProcess.StartAsync(folderA, Token, environment: environment);
        await using var hostB = await HostProcess.StartAsync(folderB, Token, environment: environment);
        using var a = hostA.Client(Token);
        using var b = hostB.Client(Token);

        (await a.PostAsJsonAsync("/api/tenants", new { id = "cluster", name = "Cluster" }, ct)).EnsureSuccessStatusCode();
        await PublishAsync(a, """
        {"definitionId":"tick","name":"Tick","root":{"id":"f","type":"Elsa.Flowchart","activities":[
          {"id":"cron","type":"Elsa.Cron","cronExpression":"* * * * * *"},
          {"id":"out","type":"Elsa.SetOutput","outputName":"Fired","outputValue":{"typeName":"Object","expression":{"type":"CSharp","value":"Trigger[\"fireTime\"]!.ToString()"}}}],
         "connections":[{"source":{"activity":"cron","port":"Done"},"target":{"activity":"out","port":"In"}}]}}
        """, ct);
        await PublishAsync(a, """
        {"definitionId":"hook","name":"Hook","root":{"id":"f","type":"Elsa.Flowchart","activities":[
          {"id":"in","type":"Elsa.HttpEndpoint","path":"cluster/hook"},
          {"id":"out","type":"Elsa.SetOutput","outputName":"Got","outputValue":"yes"}],
         "connections":[{"source":{"activity":"in","port":"Done"},"target":{"activity":"out","port":"In"}}]}}
        """, ct);
        await PublishAsync(a, $$$"""
        {"definitionId":"slow","name":"Slow","root":{"id":"f","type":"Elsa.Flowchart","activities":[
          {"id":"call","type":"Elsa.SendHttpRequest","url":"{{{sink.Urls.First()}}}/slow","method":"POST"},
          {"id":"out","type":"Elsa.SetOutput","outputName":"Done","outputValue":"yes"}],
         "connections":[{"source":{"activity":"call","port":"Done"},"target":{"activity":"out","port":"In"}}]}}
        """, ct);

        // The same delivery reaches both hosts: one run.
        foreach (var client in (HttpClient[])[a, b, a])
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/cluster/cluster/hook") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", "delivery-1");
            (await client.SendAsync(request, ct)).IsSuccessStatusCode.ShouldBeTrue();
        }

        // Both hosts run Quartz, clustered on the same tables: the trigger fires on one of them each second.
        await Task.Delay(TimeSpan.FromSeconds(14), ct);
        var ticks = await InstancesAsync(a, "tick", ct);
        ticks.Count.ShouldBeGreaterThanOrEqualTo(4);
        var fires = new List<string>();
        foreach (var id in ticks)
        {
            var detail = (await a.GetFromJsonAsync<JsonNode>($"/api/tenants/cluster/instances/{id}", ct))!;
            if (detail["outputs"]?["Fired"] is { } fired)
            {
                fires.Add(fired.GetValue<string>());
            }
        }

        fires.Count.ShouldBeGreaterThanOrEqualTo(3);
        fires.Distinct().Count().ShouldBe(fires.Count);
        (await InstancesAsync(b, "hook", ct)).Count.ShouldBe(1);

        // Host A dies mid-run; host B takes the run over once A's lease lapses.
        var run = await (await a.PostAsJsonAsync("/api/tenants/cluster/workflows/slow/run", new { }, ct)).Content.ReadFromJsonAsync<JsonNode>(ct);
        var instanceId = run!["instanceId"]!.GetValue<string>();
        await slowArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        hostA.Kill();
        var killedAt = DateTimeOffset.UtcNow;

        JsonNode final;
        var deadline = DateTime.UtcNow.AddSeconds(40);
        do
        {
            await Task.Delay(250, ct);
            final = (await b.GetFromJsonAsync<JsonNode>($"/api/tenants/cluster/instances/{instanceId}", ct))!;
        }
        while (final["status"]!.GetValue<string>() != "Finished" && DateTime.UtcNow < deadline);

        final["status"]!.GetValue<string>().ShouldBe("Finished");
        final["outputs"]!["Done"]!.GetValue<string>().ShouldBe("yes");

        // The schedule is taken over too: once Quartz on B finds A's check-ins stopped, the trigger fires on B alone.
        var after = new List<DateTimeOffset>();
        deadline = DateTime.UtcNow.AddSeconds(40);
        while (after.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500, ct);
            after = [.. (await FireTimesAsync(b, ct)).Where(f => f > killedAt)];
        }

        after.Count.ShouldBeGreaterThanOrEqualTo(2);
        var all = await FireTimesAsync(b, ct);
        all.Distinct().Count().ShouldBe(all.Count);
    }

    private static async Task<List<DateTimeOffset>> FireTimesAsync(HttpClient client, CancellationToken ct)
    {
        var fires = new List<DateTimeOffset>();
        foreach (var id in await InstancesAsync(client, "tick", ct))
        {
            var detail = (await client.GetFromJsonAsync<JsonNode>($"/api/tenants/cluster/instances/{id}", ct))!;
            if (detail["outputs"]?["Fired"] is { } fired)
            {
                fires.Add(DateTimeOffset.Parse(fired.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return fires;
    }

    private static async Task PublishAsync(HttpClient client, string json, CancellationToken ct)
    {
        var workflow = JsonNode.Parse(json)!;
        var id = workflow["definitionId"]!.GetValue<string>();
        (await client.PostAsJsonAsync("/api/tenants/cluster/workflows", workflow, ct)).EnsureSuccessStatusCode();
        var published = await client.PostAsync($"/api/tenants/cluster/workflows/{id}/publish", null, ct);
        published.IsSuccessStatusCode.ShouldBeTrue(await published.Content.ReadAsStringAsync(ct));
    }

    private static async Task<List<string>> InstancesAsync(HttpClient client, string definitionId, CancellationToken ct)
    {
        var page = (await client.GetFromJsonAsync<JsonNode>($"/api/tenants/cluster/instances?definitionId={definitionId}&pageSize=500", ct))!;
        return page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
    }
}
