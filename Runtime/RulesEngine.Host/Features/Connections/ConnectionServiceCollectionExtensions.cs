using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RulesEngine.Host.Features.Connections;

/// <summary>Registers what the connection endpoints need beyond the stores: the HTTP client of connection tests.</summary>
public static class ConnectionServiceCollectionExtensions
{
    public static IServiceCollection AddConnectionFeature(this IServiceCollection services)
    {
        services.AddHttpClient(ConnectionTester.HttpClientName, c => c.Timeout = ConnectionTester.Timeout);
        services.TryAddSingleton<ConnectionTester>();
        return services;
    }
}
