using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RulesEngine.Host.Features.Runs;

namespace RulesEngine.Host.Tests.Api.Support;

/// <summary>
/// What the management API tests replace in the host (after it registered its own services): recording doubles for
/// the run dispatcher and trigger indexer, so the tests can assert what the API asked of them, and a log collector.
/// </summary>
public static class TestDoubles
{
    public static void Register(IServiceCollection services)
    {
        // Records what the API asks, and still writes the real index (the workflow list reads triggers from it).
        services.AddSingleton(sp => new RecordingTriggerIndexer(new TriggerIndexer(sp.GetRequiredService<RulesEngine.Persistence.Triggers.ITriggerIndexStore>(), sp.GetRequiredService<RulesEngine.Host.Features.Schedules.CronJobs>())));
        services.AddSingleton<ITriggerIndexer>(sp => sp.GetRequiredService<RecordingTriggerIndexer>());
        services.AddSingleton<QueueingWorkflowDispatcher>();
        services.AddSingleton<IWorkflowDispatcher>(sp => sp.GetRequiredService<QueueingWorkflowDispatcher>());
        services.AddSingleton<ILoggerProvider>(LogCollector.Instance);
    }
}
