using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Serialization;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Persistence.Tenants;
using RulesEngine.Persistence.Workflows;
using RulesEngine.TestSupport.PostgreSql;

namespace RulesEngine.Benchmarks;

/// <summary>
/// 10,000 cron triggers over 1,000 tenants (10 workflows each: Cron → SetOutput) on a real host. Every trigger fires once
/// an hour, the fires spread over a window of a few minutes that starts after seeding: first the idle CPU is measured
/// (all triggers scheduled, none due), then the fire lateness of each fire (the <c>rulesengine.cron.lateness</c> metric:
/// instance created minus planned time). Run with <c>-- cron [sqlite|postgres] [windowSeconds]</c>.
/// </summary>
internal static class CronLateness
{
    private const int Tenants = 1_000;
    private const int PerTenant = 10;

    public static async Task RunAsync(string[] args)
    {
        var provider = args.Length > 1 ? args[1] : "sqlite";
        var window = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 180;
        var configuration = new Dictionary<string, string?> { ["RulesEngine:Auth:AdminToken"] = "bench-admin", ["Logging:LogLevel:Default"] = "Warning" };
        await using var pg = provider == "postgres" ? await PostgreSqlServer.StartAsync() : null;
        if (pg is not null)
        {
            configuration["Database:Provider"] = "PostgreSql";
            configuration["ConnectionStrings:RulesEngine"] = await pg.CreateDatabaseAsync("cron");
        }
        else
        {
            configuration["Database:DataDirectory"] = Directory.CreateTempSubdirectory("rulesengine-cron-").FullName;
        }

        var lateness = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "RulesEngine" && instrument.Name == "rulesengine.cron.lateness")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (lateness)
            {
                lateness.Add(value);
            }
        });
        listener.Start();

        var settings = new ServeSettings { Urls = "http://127.0.0.1:0", Configuration = configuration };
        await using var app = RulesEngineWebHost.Build(settings);
        await RulesEngineWebHost.StartAsync(app, settings, TextWriter.Null, CancellationToken.None);

        // The fire window starts at a whole minute at least 4 minutes ahead, so seeding and the idle measurement fit before it.
        var now = TimeProvider.System.GetUtcNow();
        var start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(5);
        var seeding = Stopwatch.StartNew();
        await SeedAsync(app.Services, start, window);
        Console.WriteLine($"seeded {Tenants * PerTenant} cron triggers over {Tenants} tenants in {seeding.Elapsed.TotalSeconds:F0} s ({provider}); fires from {start:HH:mm:ss} over {window} s");

        // Idle: every trigger is scheduled (the scheduler refreshes its list every 10 s), none is due.
        var idleFrom = TimeProvider.System.GetUtcNow().AddSeconds(15);
        var idleUntil = start.AddSeconds(-10);
        if (idleUntil - idleFrom < TimeSpan.FromSeconds(20))
        {
            Console.WriteLine("seeding took too long for an idle window; idle CPU not measured");
        }
        else
        {
            await Task.Delay(idleFrom - TimeProvider.System.GetUtcNow());
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            await Task.Delay(idleUntil - TimeProvider.System.GetUtcNow());
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"idle: {used.TotalSeconds / wall.Elapsed.TotalSeconds * 100:F2} % of one core over {wall.Elapsed.TotalSeconds:F0} s ({used.TotalMilliseconds:F0} ms CPU)");
        }

        var busyCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var until = start.AddSeconds(window + 60);
        var expected = Tenants * PerTenant;
        while (TimeProvider.System.GetUtcNow() < until && lateness.Count < expected)
        {
            await Task.Delay(1000);
        }

        var busy = Process.GetCurrentProcess().TotalProcessorTime - busyCpu;
        double[] sorted;
        lock (lateness)
        {
            sorted = [.. lateness.Order()];
        }

        Console.WriteLine($"fires: {sorted.Length} of {expected}; CPU during fires {busy.TotalSeconds:F1} s");
        if (sorted.Length > 0)
        {
            double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            Console.WriteLine($"lateness: p50 {P(0.50) * 1000:F0} ms, p90 {P(0.90) * 1000:F0} ms, p99 {P(0.99) * 1000:F0} ms, max {sorted[^1] * 1000:F0} ms");
        }

        await app.StopAsync();
    }

    private static async Task SeedAsync(IServiceProvider services, DateTimeOffset start, int window)
    {
        var tenants = services.GetRequiredService<ITenantStore>();
        var definitions = services.GetRequiredService<IWorkflowDefinitionStore>();
        var indexer = services.GetRequiredService<ITriggerIndexer>();
        var reader = services.GetRequiredService<WorkflowJsonReader>();
        var loader = services.GetRequiredService<WorkflowLoader>();
        await Parallel.ForAsync(0, Tenants, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (t, ct) =>
        {
            var tenant = $"t{t:0000}";
            await tenants.CreateAsync(tenant, tenant, ct);
            for (var w = 0; w < PerTenant; w++)
            {
                // Hourly, at a second of the window: fires spread evenly over it.
                var at = start.AddSeconds((long)(t * PerTenant + w) * window / (Tenants * PerTenant));
                var id = $"sync-{w}";
                var json = $$$"""
                {"root":{"id":"f","type":"Elsa.Flowchart","activities":[
                  {"id":"cron","type":"Elsa.Cron","cronExpression":"{{{at.Second}}} {{{at.Minute}}} * * * *"},
                  {"id":"out","type":"Elsa.SetOutput","outputName":"Fired","outputValue":"yes"}],
                 "connections":[{"source":{"activity":"cron","port":"Done"},"target":{"activity":"out","port":"In"}}]}}
                """;
                await definitions.CreateAsync(tenant, new NewWorkflowDefinition(id, id, null, json, "bench"), ct);
                var version = await definitions.PublishAsync(tenant, id, null, ct);
                var definition = reader.Read(version!.Json, id);
                definition.TenantId = tenant;
                definition.DefinitionId = id;
                definition.Version = version.Version;
                await indexer.ReindexAsync(tenant, id, loader.Load(definition), ct);
            }
        });
    }
}
