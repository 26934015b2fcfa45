using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Host.Tests.Support;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Tests.Telemetry;

/// <summary>The RulesEngine meter on a real host: what an operator's OpenTelemetry collector receives.</summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private readonly ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly MeterListener _listener = new();
    private RunningHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "RulesEngine")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
        _host = await RunningHost.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _host.DisposeAsync();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    private double Sum(string instrument, string tenant, string workflow) => _measurements
        .Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault("tenant"), tenant) && Equals(m.Tags.GetValueOrDefault("workflow"), workflow))
        .Sum(m => m.Value);

    [Fact]
    public async Task WebhookRuns_CountStartedFinishedFaultedAndDuration_TaggedByTenantAndWorkflow()
    {
        var ct = TestContext.Current.CancellationToken;
        var (tenant, _) = await _host.CreateTenantAsync();
        var store = _host.Services.GetRequiredService<IWorkflowDefinitionStore>();
        foreach (var (id, code) in new[] { ("good", "\"ok\""), ("bad", "int.Parse(\"not a number\")") })
        {
            var expression = code.Replace("\"", "\\\"", StringComparison.Ordinal);
            await store.CreateAsync(tenant, new NewWorkflowDefinition(id, id, null, $$$$"""
            {"root":{"id":"f","type":"Elsa.Flowchart","activities":[
              {"id":"hook","type":"Elsa.HttpEndpoint","path":"{{{{id}}}}","supportedMethods":["POST"],"customProperties":{"canStartWorkflow":true}},
              {"id":"answer","type":"Elsa.WriteHttpResponse","statusCode":200,"content":{"typeName":"Object","expression":{"type":"CSharp","value":"{{{{expression}}}}"}}}],
             "connections":[{"source":{"activity":"hook","port":"Done"},"target":{"activity":"answer","port":"In"}}]}}
            """, "test"), ct);
            var version = await store.PublishAsync(tenant, id, null, ct);
            var blueprint = _host.Services.GetRequiredService<RulesEngine.Host.Features.Runs.BlueprintCache>().Get(tenant, version!);
            await _host.Services.GetRequiredService<RulesEngine.Host.Features.Runs.ITriggerIndexer>().ReindexAsync(tenant, id, blueprint, ct);
        }

        using var client = _host.Client(token: null);
        for (var i = 0; i < 2; i++)
        {
            (await client.PostAsync($"/hooks/{tenant}/good", new StringContent("{}", Encoding.UTF8, "application/json"), ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await client.PostAsync($"/hooks/{tenant}/bad", new StringContent("{}", Encoding.UTF8, "application/json"), ct)).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        _listener.RecordObservableInstruments();

        Sum("rulesengine.runs.started", tenant, "good").ShouldBe(2);
        _measurements.Where(m => m.Instrument == "rulesengine.runs.started" && Equals(m.Tags["tenant"], tenant)).ShouldAllBe(m => Equals(m.Tags["trigger"], "http"));
        Sum("rulesengine.runs.finished", tenant, "good").ShouldBe(2);
        Sum("rulesengine.runs.faulted", tenant, "good").ShouldBe(0);
        Sum("rulesengine.runs.started", tenant, "bad").ShouldBe(1);
        Sum("rulesengine.runs.faulted", tenant, "bad").ShouldBe(1);
        Sum("rulesengine.runs.finished", tenant, "bad").ShouldBe(0);
        var durations = _measurements.Where(m => m.Instrument == "rulesengine.run.duration" && Equals(m.Tags["tenant"], tenant)).ToList();
        durations.Count.ShouldBe(3);
        durations.Count(d => Equals(d.Tags["status"], "Faulted")).ShouldBe(1);
        durations.ShouldAllBe(d => d.Value > 0 && d.Value < 60);
        _measurements.ShouldContain(m => m.Instrument == "rulesengine.queue.depth");
    }
}
