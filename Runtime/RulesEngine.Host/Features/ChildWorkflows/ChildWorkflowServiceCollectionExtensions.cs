using RulesEngine.Core.Composition;
using RulesEngine.Core.Sdk;
using RulesEngine.Host.Features.Events;

namespace RulesEngine.Host.Features.ChildWorkflows;

/// <summary>Registers what Elsa's composition features need in the host: child workflows from the store, and event delivery.</summary>
public static class ChildWorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddRulesEngineComposition(this IServiceCollection services)
    {
        services.AddSingleton<IWorkflowDefinitionSource, StoredWorkflowSource>();
        services.AddSingleton<IWorkflowStarter, QueuedWorkflowStarter>();
        services.AddSingleton<EventDelivery>();
        services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<EventDelivery>());
        return services;
    }
}
