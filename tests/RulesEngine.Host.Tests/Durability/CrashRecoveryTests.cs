using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using RulesEngine.Host.Tests.Support;

namespace RulesEngine.Host.Tests.Durability;

/// <summary>A host killed with SIGKILL mid-run: after a restart the run finishes from its last checkpoint.</summary>
public sealed class CrashRecoveryTests
{
    private const string Token = "crash-admin-token-123456";

    [Fact]
    public async Task SigkillMidRun_RunFinishesAfterRestart_WithoutRepeatingCheckpointedSteps()
    {
        var ct = TestContext.Current.CancellationToken;
        var calls = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var slowArrived = new TaskCompletionSource();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var sink = builder.Build();
        sink.Run(async context =>
        {
            var step = context.Request.Path.Value!.Trim('/');
            var n = calls.AddOrUpdate(step, 1, (_, c) => c + 1);
            if (step == "slow" && n == 1)
            {
                slowArrived.TrySetResult();
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted); // the host dies while waiting
            }

            await context.Response.WriteAsJsonAsync(new { ok = true }, context.RequestAborted);
        });
        await sink.StartAsync(ct);
        var sinkUrl = sink.Urls.First();

        var data = Directory.CreateTempSubdirectory("rulesengine-crash-").FullName;
        var port = HostProcess.FreePort();
        var environment = new Dictionary<string, string> { ["RulesEngine__Runs__Lease"] = "00:00:03" };
        string instanceId;
        await using (var first = await HostProcess.StartAsync(data, Token, port, environment))
        {
            using var client = first.Client(Token);
            (await client.PostAsJsonAsync("/api/tenants", new { id = "crash", name = "Crash" }, ct)).EnsureSuccessStatusCode();
            var workflow = JsonNode.Parse($$$"""
            {"definitionId":"steps","name":"Steps","root":{"id":"f","type":"Elsa.Flowchart","activities":[
              {"id":"fast","type":"Elsa.SendHttpRequest","url":"{{{sinkUrl}}}/fast","method":"POST"},
              {"id":"slow","type":"Elsa.SendHttpRequest","url":"{{{sinkUrl}}}/slow","method":"POST"},
              {"id":"done","type":"Elsa.SetOutput","outputName":"Done","outputValue":"yes"}],
             "connections":[{"source":{"activity":"fast","port":"Done"},"target":{"activity":"slow","port":"In"}},
                            {"source":{"activity":"slow","port":"Done"},"target":{"activity":"done","port":"In"}}]}}
            """);
            (await client.PostAsJsonAsync("/api/tenants/crash/workflows", workflow, ct)).EnsureSuccessStatusCode();
            (await client.PostAsync("/api/tenants/crash/workflows/steps/publish", null, ct)).EnsureSuccessStatusCode();
            var run = await (await client.PostAsJsonAsync("/api/tenants/crash/workflows/steps/run", new { }, ct)).Content.ReadFromJsonAsync<JsonNode>(ct);
            instanceId = run!["instanceId"]!.GetValue<string>();

            await slowArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            first.Kill();
        }

        await using var second = await HostProcess.StartAsync(data, Token, port, environment);
        using var again = second.Client(Token);
        JsonNode detail;
        var deadline = DateTime.UtcNow.AddSeconds(45);
        do
        {
            await Task.Delay(250, ct);
            detail = (await again.GetFromJsonAsync<JsonNode>($"/api/tenants/crash/instances/{instanceId}", ct))!;
        }
        while (detail["status"]!.GetValue<string>() != "Finished" && DateTime.UtcNow < deadline);

        detail["status"]!.GetValue<string>().ShouldBe("Finished");
        detail["outputs"]!["Done"]!.GetValue<string>().ShouldBe("yes");
        calls["fast"].ShouldBe(1); // checkpointed before the crash: not repeated
        calls["slow"].ShouldBe(2); // in flight when the host died: done again
        Directory.Delete(data, recursive: true);
    }
}
