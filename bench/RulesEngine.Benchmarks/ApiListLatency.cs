using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Tenants;
using RulesEngine.Persistence.Workflows;
using RulesEngine.TestSupport.PostgreSql;

namespace RulesEngine.Benchmarks;

/// <summary>
/// List endpoints of a real host with 100 workflows and 10,000 instances in the database (SQLite file, then a real
/// PostgreSQL): p50/p99 of each list route over 300 requests, after 30 warm-up requests.
/// </summary>
internal static class ApiListLatency
{
    private const string Token = "bench-admin";

    public static async Task RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("rulesengine-bench-").FullName;
        await MeasureAsync("SQLite", new Dictionary<string, string?> { ["Database:DataDirectory"] = folder });
        await using var pg = await PostgreSqlServer.StartAsync();
        var connection = await pg.CreateDatabaseAsync("bench");
        await MeasureAsync("PostgreSQL", new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSql", ["ConnectionStrings:RulesEngine"] = connection });
    }

    private static async Task MeasureAsync(string label, Dictionary<string, string?> configuration)
    {
        configuration["RulesEngine:Auth:AdminToken"] = Token;
        var settings = new ServeSettings { Urls = "http://127.0.0.1:0", Configuration = configuration };
        await using var app = RulesEngineWebHost.Build(settings);
        await RulesEngineWebHost.StartAsync(app, settings, TextWriter.Null, CancellationToken.None);
        await SeedAsync(app.Services);

        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        foreach (var route in (string[])["/api/tenants/bench/workflows", "/api/tenants/bench/instances?pageSize=50",
                     "/api/tenants/bench/instances?status=Faulted&pageSize=50", "/api/tenants/bench/instances?definitionId=wf-042&pageSize=50"])
        {
            for (var i = 0; i < 30; i++)
            {
                (await client.GetAsync(route)).EnsureSuccessStatusCode();
            }

            var samples = new List<double>();
            for (var i = 0; i < 300; i++)
            {
                var sw = Stopwatch.StartNew();
                (await client.GetAsync(route)).EnsureSuccessStatusCode();
                samples.Add(sw.Elapsed.TotalMilliseconds);
            }

            samples.Sort();
            Console.WriteLine($"{label,-10} {route,-62} p50 {samples[150],6:F2} ms   p99 {samples[296],6:F2} ms");
        }

        await app.StopAsync();
    }

    private static async Task SeedAsync(IServiceProvider services)
    {
        await services.GetRequiredService<ITenantStore>().CreateAsync("bench", "Bench");
        var definitions = services.GetRequiredService<IWorkflowDefinitionStore>();
        for (var w = 0; w < 100; w++)
        {
            var id = $"wf-{w:000}";
            await definitions.CreateAsync("bench", new NewWorkflowDefinition(id, id, null, """{"root":{"id":"f","type":"Elsa.Flowchart","activities":[{"id":"a","type":"Elsa.WriteLine","text":"x"}]}}""", "bench"));
            await definitions.PublishAsync("bench", id);
        }

        var instances = services.GetRequiredService<IWorkflowInstanceStore>();
        var start = DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        WorkflowStatus[] statuses = [WorkflowStatus.Finished, WorkflowStatus.Faulted, WorkflowStatus.Suspended, WorkflowStatus.Cancelled];
        await Parallel.ForAsync(0, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var at = start.AddMinutes(i);
            await instances.CreateAsync(new WorkflowInstance
            {
                Id = string.Empty,
                TenantId = "bench",
                DefinitionId = $"wf-{i % 100:000}",
                Version = 1,
                Status = statuses[i % statuses.Length],
                StateJson = "{}",
                CreatedAt = at,
                UpdatedAt = at,
                TriggerKind = "manual",
            }, ct);
        });
    }
}
