using RulesEngine.Host.Features.Auth;

namespace RulesEngine.Host.Features.Instances;

/// <summary>Workflow instances of a tenant: list, detail with journal, cancel, retry.</summary>
public static class InstanceEndpoints
{
    public static IEndpointRouteBuilder MapInstanceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenants/{tenantId}/instances").WithTags("Instances").RequireTenantAccess();
        _ = group;
        return app;
    }
}
