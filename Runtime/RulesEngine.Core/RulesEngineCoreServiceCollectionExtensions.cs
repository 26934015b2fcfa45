using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RulesEngine.Core.Activities;
using RulesEngine.Core.Descriptors;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Expressions.CSharp;
using RulesEngine.Core.Sdk;
using RulesEngine.Core.Serialization;

namespace RulesEngine.Core;

/// <summary>Registers the engine: registry, reader, loader, C# compiler and interpreter.</summary>
public static class RulesEngineCoreServiceCollectionExtensions
{
    public static IServiceCollection AddRulesEngineCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<EngineOptions>();
        services.TryAddSingleton(sp =>
        {
            // One knob for script time: the engine's budget also bounds C# compiled outside a run (designer checks).
            var engine = sp.GetRequiredService<IOptions<EngineOptions>>().Value;
            return new CSharpScriptCompiler(new CSharpScriptOptions { TimeBudget = engine.ScriptTimeBudget }, sp.GetService<ILogger<CSharpScriptCompiler>>());
        });
        services.TryAddSingleton(sp =>
        {
            var registry = new ActivityRegistry();
            foreach (var registration in sp.GetServices<ActivityTypeRegistration>().DistinctBy(r => r.ActivityType))
            {
                registry.Register(registration.ActivityType);
            }

            return registry;
        });
        services.TryAddSingleton<WorkflowJsonReader>();
        services.TryAddSingleton<WorkflowLoader>();
        services.TryAddSingleton<WorkflowRunner>();
        services.AddActivity<Flowchart>().AddActivity<Sequence>().AddActivity<FlowJoin>().AddActivity<Composition.ExecuteWorkflow>();
        return services;
    }

    /// <summary>Makes an activity type available to workflows (and the designer's toolbox).</summary>
    public static IServiceCollection AddActivity<TActivity>(this IServiceCollection services)
        where TActivity : Activity
    {
        services.AddSingleton(new ActivityTypeRegistration(typeof(TActivity)));
        return services;
    }
}
