namespace RulesEngine.Host.Infrastructure;

/// <summary>
/// The management API features (tenants, workflows, connections, mappings, scripts, audit) plug in here, so that
/// <see cref="RulesEngineWebHost"/> stays one short list.
/// </summary>
internal static partial class HostEndpoints
{
    public static void AddFeatureServices(IServiceCollection services) => AddManagementServices(services);

    public static void MapFeatureEndpoints(IEndpointRouteBuilder app) => MapManagementEndpoints(app);

    static partial void AddManagementServices(IServiceCollection services);

    static partial void MapManagementEndpoints(IEndpointRouteBuilder app);
}
