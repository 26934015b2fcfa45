using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Activities;
using RulesEngine.Activities.SmartRecruiters;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Serialization;
using SmartRecruiters.Sandbox;

namespace RulesEngine.Benchmarks.SmartRecruiters;

/// <summary>
/// (a) 10,000 jobs (100 pages) through the limiter against a rate-limited sandbox; (b) 50 concurrent ApplyTag
/// workflows through one credential. Both report 429s seen and the achieved request rate.
/// </summary>
internal static class LoadScenarios
{
    private const string ApiKey = "bench-key";

    public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var (elapsedA, pagesA, jobsA, throttledA) = await FetchTenThousandJobsAsync(cancellationToken);
        var (elapsedB, callsB, throttledB, finishedB) = await FiftyApplyTagWorkflowsAsync(cancellationToken);

        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync("| scenario | result |");
        await output.WriteLineAsync("| --- | --- |");
        await output.WriteLineAsync(string.Create(c, $"| (a) fetch {jobsA} jobs in {pagesA} requests at 10 req/s | {elapsedA.TotalSeconds:F2} s (floor for 100 sequential requests in a sliding 1 s window: 9.0 s; naive 10 s), {throttledA} × 429, {pagesA / elapsedA.TotalSeconds:F2} req/s |"));
        await output.WriteLineAsync(string.Create(c, $"| (b) 50 concurrent ApplyTag workflows, one credential | {finishedB}/50 finished, {callsB} calls in {elapsedB.TotalSeconds:F2} s = {callsB / elapsedB.TotalSeconds:F2} calls/s, {throttledB} × 429 |"));
        return throttledA == 0 && throttledB == 0 && finishedB == 50 ? 0 : 1;
    }

    private static async Task<(TimeSpan Elapsed, long Requests, int Jobs, long Throttled)> FetchTenThousandJobsAsync(CancellationToken cancellationToken)
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxServerOptions { ApiKey = ApiKey }, cancellationToken);
        await SeedJobsAsync(sandbox, 10_000, cancellationToken);
        await using var services = Services(sandbox);
        var client = services.GetRequiredService<ISmartRecruitersClientFactory>().GetClient(Connection(sandbox));

        var started = Stopwatch.GetTimestamp();
        var jobs = await client.FetchAllJobsAsync(null, null, null, null, null, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (jobs.Count != 10_000)
        {
            throw new InvalidOperationException($"expected 10000 jobs, got {jobs.Count}");
        }

        return (elapsed, client.Statistics.Attempts, jobs.Count, client.Statistics.Throttled);
    }

    private static async Task<(TimeSpan Elapsed, long Calls, long Throttled, int Finished)> FiftyApplyTagWorkflowsAsync(CancellationToken cancellationToken)
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxServerOptions { ApiKey = ApiKey }, cancellationToken);
        using var admin = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl + "/_sandbox/") };
        var state = (await admin.GetFromJsonAsync<JsonObject>("state", cancellationToken))!;
        var candidates = state["candidates"]!.AsArray().Select(c => c!["id"]!.ToString()).Take(50).ToList();
        await using var services = Services(sandbox);
        var client = services.GetRequiredService<ISmartRecruitersClientFactory>().GetClient(Connection(sandbox));
        var reader = services.GetRequiredService<WorkflowJsonReader>();
        var loader = services.GetRequiredService<WorkflowLoader>();
        var runner = services.GetRequiredService<WorkflowRunner>();

        var started = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(candidates.Select(id =>
        {
            var json = new JsonObject
            {
                ["id"] = "bench-v1",
                ["definitionId"] = "bench",
                ["version"] = 1,
                ["root"] = new JsonObject
                {
                    ["id"] = "flow",
                    ["type"] = "Elsa.Flowchart",
                    ["activities"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "tag",
                        ["type"] = "SmartRecruiters.ApplyTag",
                        ["candidateId"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = id } },
                        ["tags"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "bench-load" } },
                    }),
                    ["connections"] = new JsonArray(),
                },
            }.ToJsonString();
            return runner.StartAsync(loader.Load(reader.Read(json)), new StartOptions { TenantId = "bench" }, cancellationToken);
        }));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var finished = results.Count(r => r.Status == WorkflowStatus.Finished);
        foreach (var fault in results.Where(r => r.Fault is not null).Select(r => r.Fault!.Message).Distinct().Take(3))
        {
            await Console.Error.WriteLineAsync("fault: " + fault);
        }

        return (elapsed, client.Statistics.Attempts, client.Statistics.Throttled, finished);
    }

    private static async Task SeedJobsAsync(SandboxServer sandbox, int count, CancellationToken cancellationToken)
    {
        using var admin = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl + "/_sandbox/") };
        var state = (await admin.GetFromJsonAsync<JsonObject>("state", cancellationToken))!;
        var template = state["jobs"]![0]!.AsObject();
        var jobs = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var job = template.DeepClone().AsObject();
            job["id"] = $"bench-job-{i:D5}";
            job["refNumber"] = $"BENCH-{i:D5}";
            job["title"] = $"Benchmark job {i}";
            job["postingId"] = null;
            job["postingUuid"] = null;
            jobs.Add(job);
        }

        state["jobs"] = jobs;
        state["applications"] = new JsonArray();
        state["attachments"] = new JsonArray();
        using var response = await admin.PostAsJsonAsync("seed", state, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static SmartRecruitersConnection Connection(SandboxServer sandbox) => new() { BaseUrl = sandbox.BaseUrl, ApiKey = ApiKey };

    private static ServiceProvider Services(SandboxServer sandbox)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRulesEngineActivities();
        services.AddSmartRecruitersActivities();
        services.AddSingleton(new StaticSmartRecruitersConnectionProvider().Add("smartrecruiters", Connection(sandbox)));
        return services.BuildServiceProvider();
    }
}
