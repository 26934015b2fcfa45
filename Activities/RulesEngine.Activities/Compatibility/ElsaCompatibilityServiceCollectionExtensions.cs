using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RulesEngine.Activities.Events;
using RulesEngine.Core;
using RulesEngine.Core.Expressions;
using RulesEngine.Core.Expressions.JavaScript;
using RulesEngine.Core.Expressions.Liquid;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Compatibility;

/// <summary>Registers what Elsa 3 exports need beyond the core: JavaScript and Liquid expressions and Elsa's other activities.</summary>
public static class ElsaCompatibilityServiceCollectionExtensions
{
    public static IServiceCollection AddElsaCompatibility(this IServiceCollection services)
    {
        services.AddOptions<JavaScriptOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionHandler, JavaScriptExpressionHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionHandler, LiquidExpressionHandler>());
        services.TryAddSingleton<IEventPublisher, NoOpEventPublisher>();
        if (services.Any(d => d.ServiceType == typeof(ElsaCompatibilityMarker)))
        {
            return services;
        }

        services.AddSingleton<ElsaCompatibilityMarker>();
        return services
            .AddActivity<If>().AddActivity<Switch>().AddActivity<While>().AddActivity<Break>()
            .AddActivity<Fork>().AddActivity<Join>().AddActivity<FlowNode>().AddActivity<StartAt>()
            .AddActivity<RunJavaScript>().AddActivity<Event>().AddActivity<PublishEvent>().AddActivity<FlowSendHttpRequest>();
    }

    /// <summary>Makes the registration idempotent (activity registrations are not TryAdd-able).</summary>
    private sealed class ElsaCompatibilityMarker;
}
