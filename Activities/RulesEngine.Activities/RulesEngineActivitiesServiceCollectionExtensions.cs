using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RulesEngine.Activities.Compatibility;
using RulesEngine.Activities.Console;
using RulesEngine.Activities.Flow;
using RulesEngine.Activities.Http;
using RulesEngine.Activities.Loops;
using RulesEngine.Activities.Primitives;
using RulesEngine.Activities.Scripting;
using RulesEngine.Activities.State;
using RulesEngine.Activities.Timers;
using RulesEngine.Core;

namespace RulesEngine.Activities;

/// <summary>Registers the built-in Elsa-compatible activities.</summary>
public static class RulesEngineActivitiesServiceCollectionExtensions
{
    public static IServiceCollection AddRulesEngineActivities(this IServiceCollection services)
    {
        services.AddRulesEngineCore();
        services.TryAddSingleton<IWriteLineSink>(new TextWriterSink(System.Console.Error));
        services.TryAddSingleton<IHttpConnectionResolver, NoHttpConnections>();
        services.TryAddSingleton<IDurableState, InMemoryDurableState>();
        services.AddHttpClient(nameof(SendHttpRequest), c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddElsaCompatibility();
        return services
            .AddActivity<Start>().AddActivity<End>().AddActivity<Complete>().AddActivity<Finish>().AddActivity<Fault>()
            .AddActivity<SetVariable>().AddActivity<SetOutput>().AddActivity<SetName>().AddActivity<Correlate>()
            .AddActivity<WriteLine>()
            .AddActivity<FlowDecision>().AddActivity<FlowSwitch>().AddActivity<FlowFork>()
            .AddActivity<ForEach>().AddActivity<ParallelForEach>()
            .AddActivity<RunCSharp>()
            .AddActivity<Delay>().AddActivity<Timers.Timer>().AddActivity<Cron>()
            .AddActivity<HttpEndpoint>().AddActivity<WriteHttpResponse>().AddActivity<SendHttpRequest>()
            .AddActivity<Once>().AddActivity<Lookup>().AddActivity<DetectChanges>().AddActivity<Watermark>();
    }
}
