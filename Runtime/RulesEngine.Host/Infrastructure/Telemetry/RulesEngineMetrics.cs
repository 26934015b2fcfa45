using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using CoreStatus = RulesEngine.Core.Execution.WorkflowStatus;

namespace RulesEngine.Host.Infrastructure.Telemetry;

/// <summary>
/// The host's metrics on the <c>RulesEngine</c> meter: runs started, finished and faulted, run duration, queue depth,
/// and SmartRecruiters calls and 429 answers. Tags: <c>tenant</c>, <c>workflow</c>, <c>status</c> (and <c>trigger</c>
/// on runs started). Exported through OpenTelemetry (see <see cref="TelemetryServiceCollectionExtensions"/>).
/// </summary>
internal sealed class RulesEngineMetrics
{
    public const string MeterName = "RulesEngine";

    private readonly Counter<long> _started;
    private readonly Counter<long> _finished;
    private readonly Counter<long> _faulted;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _cronLateness;
    private readonly ConcurrentDictionary<ISmartRecruitersClient, string> _clients = new(ReferenceEqualityComparer.Instance);
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SmartRecruitersConnection, string> _connectionTenants = [];

    public RulesEngineMetrics(IMeterFactory meters, Features.Runs.RunQueue queue)
    {
        var meter = meters.Create(MeterName);
        _started = meter.CreateCounter<long>("rulesengine.runs.started", "{run}", "Instances created by a trigger, run now or a child workflow");
        _finished = meter.CreateCounter<long>("rulesengine.runs.finished", "{run}", "Runs that ended (finished or cancelled)");
        _faulted = meter.CreateCounter<long>("rulesengine.runs.faulted", "{run}", "Runs that ended in a fault");
        _duration = meter.CreateHistogram<double>("rulesengine.run.duration", "s", "Time one execution of an instance took (until it finished, faulted or suspended)");
        _cronLateness = meter.CreateHistogram<double>("rulesengine.cron.lateness", "s", "How long after its planned time a cron fire created its instance");
        meter.CreateObservableGauge("rulesengine.queue.depth", () => queue.Depth, "{run}", "Instances waiting for a worker in this process");
        meter.CreateObservableCounter("rulesengine.smartrecruiters.calls", () => ObserveCalls(throttledOnly: false), "{request}", "Requests sent to SmartRecruiters, retries included");
        meter.CreateObservableCounter("rulesengine.smartrecruiters.throttled", () => ObserveCalls(throttledOnly: true), "{request}", "SmartRecruiters answers with status 429");
    }

    public void RunStarted(string tenantId, string workflowId, string trigger) =>
        _started.Add(1, new TagList { { "tenant", tenantId }, { "workflow", workflowId }, { "trigger", trigger } });

    public void RunEnded(string tenantId, string workflowId, CoreStatus status, TimeSpan elapsed)
    {
        var tags = new TagList { { "tenant", tenantId }, { "workflow", workflowId }, { "status", StatusName(status) } };
        _duration.Record(elapsed.TotalSeconds, tags);
        if (status == CoreStatus.Faulted)
        {
            _faulted.Add(1, tags);
        }
        else if (status is CoreStatus.Finished or CoreStatus.Cancelled)
        {
            _finished.Add(1, tags);
        }
    }

    public void CronFired(string tenantId, string workflowId, TimeSpan lateness) =>
        _cronLateness.Record(lateness.TotalSeconds, new TagList { { "tenant", tenantId }, { "workflow", workflowId } });

    /// <summary>Remembers whose connection this is, so that the client made from it is counted for that tenant.</summary>
    public void NoteConnection(SmartRecruitersConnection connection, string tenantId) => _connectionTenants.AddOrUpdate(connection, tenantId);

    /// <summary>Counts the calls of a client made for a tenant's connection (a client is shared per credential: the first tenant names it).</summary>
    public void Track(SmartRecruitersConnection connection, ISmartRecruitersClient client)
    {
        if (_connectionTenants.TryGetValue(connection, out var tenantId))
        {
            _clients.TryAdd(client, tenantId);
        }
    }

    private IEnumerable<Measurement<long>> ObserveCalls(bool throttledOnly) =>
        _clients.GroupBy(c => c.Value, StringComparer.Ordinal).Select(g => new Measurement<long>(
            g.Sum(c => throttledOnly ? c.Key.Statistics.Throttled : c.Key.Statistics.Attempts),
            new KeyValuePair<string, object?>("tenant", g.Key),
            new KeyValuePair<string, object?>("status", throttledOnly ? "429" : "any")));

    private static string StatusName(CoreStatus status) => status switch
    {
        CoreStatus.Finished => "Finished",
        CoreStatus.Faulted => "Faulted",
        CoreStatus.Cancelled => "Cancelled",
        CoreStatus.Suspended => "Suspended",
        _ => status.ToString(),
    };
}
