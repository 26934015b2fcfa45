using RulesEngine.Activities.SmartRecruiters;

namespace RulesEngine.Host.Features.Runs;

/// <summary>Registers the runtime: dispatcher, executor, worker pool, timers and recovery.</summary>
public static class RunsServiceCollectionExtensions
{
    public static IServiceCollection AddRulesEngineRuns(this IServiceCollection services)
    {
        services.AddOptions<RunsOptions>().BindConfiguration(RunsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BlueprintCache>();
        services.AddSingleton<RunQueue>();
        services.AddSingleton<RunningInstances>();
        services.AddSingleton<InstanceExecutor>();
        services.AddSingleton<IWorkflowDispatcher, WorkflowDispatcher>();
        services.AddSingleton<ITriggerIndexer, TriggerIndexer>();
        services.AddSingleton<RulesEngine.Activities.Http.IHttpConnectionResolver, TenantHttpConnections>();
        services.AddSingleton<RulesEngine.Activities.State.IDurableState, TenantDurableState>();
        services.AddSingleton<RulesEngine.Activities.State.IMappingWriter, Mappings.TenantMappingWriter>();
        services.AddSmartRecruitersActivities();
        services.AddSingleton<SmartRecruiters.TenantSmartRecruitersConnections>();
        services.AddSingleton<RulesEngine.Activities.SmartRecruiters.Connections.ISmartRecruitersConnectionProvider>(sp => sp.GetRequiredService<SmartRecruiters.TenantSmartRecruitersConnections>());
        services.AddHostedService<RunWorker>();
        services.AddHostedService<TimerAndRecoveryWorker>();
        services.AddSingleton<Hooks.InboxProcessor>();
        services.AddHostedService<Hooks.InboxWorker>();
        services.AddOptions<Retention.RetentionOptions>().BindConfiguration(Retention.RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<Retention.RetentionWorker>();
        return services;
    }
}
