using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RulesEngine.Activities.SmartRecruiters.Activities;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Activities.SmartRecruiters.Webhooks;
using RulesEngine.Core;

namespace RulesEngine.Activities.SmartRecruiters;

/// <summary>Registers the SmartRecruiters client factory, options, webhook helpers and activities.</summary>
public static class SmartRecruitersActivitiesServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything. The host should register its own <see cref="ISmartRecruitersConnectionProvider"/> (before or
    /// after this call: the in-memory default is only added when none is there).
    /// </summary>
    public static IServiceCollection AddSmartRecruitersActivities(this IServiceCollection services, Action<SmartRecruitersClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SmartRecruitersClientOptions>().ValidateDataAnnotations();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISmartRecruitersClientFactory, SmartRecruitersClientFactory>();
        services.TryAddSingleton<StaticSmartRecruitersConnectionProvider>();
        services.TryAddSingleton<ISmartRecruitersConnectionProvider>(sp => sp.GetRequiredService<StaticSmartRecruitersConnectionProvider>());
        services.TryAddSingleton<WebhookSubscriptionManager>();

        if (services.Any(d => d.ServiceType == typeof(Marker)))
        {
            return services;
        }

        services.AddSingleton<Marker>();
        services
            .AddActivity<FetchJobs>()
            .AddActivity<GetJob>()
            .AddActivity<FetchPostings>()
            .AddActivity<GetHiringProcess>()
            .AddActivity<SearchCandidates>()
            .AddActivity<GetCandidate>()
            .AddActivity<GetApplication>()
            .AddActivity<ExportCandidate>()
            .AddActivity<UpdateCandidate>()
            .AddActivity<ApplyTag>()
            .AddActivity<MoveStage>()
            .AddActivity<SmartRecruitersEvent>();
        return services;
    }

    private sealed class Marker;
}
