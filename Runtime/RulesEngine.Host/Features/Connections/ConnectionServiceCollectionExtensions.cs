using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RulesEngine.Host.Features.Connections;

/// <summary>Registers what the connection endpoints need beyond the stores: the HTTP client of connection tests, the options reader.</summary>
public static class ConnectionServiceCollectionExtensions
{
    public static IServiceCollection AddConnectionFeature(this IServiceCollection services)
    {
        services.AddHttpClient(ConnectionTester.HttpClientName, c => c.Timeout = ConnectionTester.Timeout);

        // The client factory logs every request at Information; the tester logs its own outcome once.
        services.Configure<LoggerFilterOptions>(o => o.AddFilter($"System.Net.Http.HttpClient.{ConnectionTester.HttpClientName}", LogLevel.Warning));
        services.TryAddSingleton<ConnectionTester>();
        services.TryAddSingleton<SmartRecruitersOptionsReader>();
        return services;
    }
}
