namespace RulesEngine.Host.Features.Runs;

/// <summary>Registers the runtime: dispatcher, executor, workers, timers, recovery.</summary>
public static class RunsServiceCollectionExtensions
{
    public static IServiceCollection AddRulesEngineRuns(this IServiceCollection services)
    {
        services.AddOptions<RunsOptions>().BindConfiguration(RunsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BlueprintCache>();
        return services;
    }
}
