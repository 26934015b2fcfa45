using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using RulesEngine.Activities.SmartRecruiters.Client;

namespace RulesEngine.Host.Infrastructure.Telemetry;

/// <summary>Registers the <c>RulesEngine</c> meter and OpenTelemetry metrics, exported over OTLP when an endpoint is configured.</summary>
public static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddRulesEngineTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddMetrics();
        services.AddSingleton<RulesEngineMetrics>();

        // Count SmartRecruiters calls per tenant: wrap the connector's client factory (registered by the activities).
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ISmartRecruitersClientFactory));
        if (registered?.ImplementationType is { } implementation)
        {
            services.Remove(registered);
            services.AddSingleton(implementation);
            services.AddSingleton<ISmartRecruitersClientFactory>(sp => new MeteredSmartRecruitersClientFactory(
                (ISmartRecruitersClientFactory)sp.GetRequiredService(implementation), sp.GetRequiredService<RulesEngineMetrics>()));
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(RulesEngineMetrics.MeterName);
                if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = new Uri(options.OtlpEndpoint));
                }
            });
        return services;
    }
}
