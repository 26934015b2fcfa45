namespace RulesEngine.Host.Features.Auth;

/// <summary>Route group helpers for the two kinds of access.</summary>
public static class AuthEndpointExtensions
{
    /// <summary>Requires a valid token whose tenant is the route's <c>{tenantId}</c> (or the platform admin).</summary>
    public static TBuilder RequireTenantAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization();
        builder.AddEndpointFilter(new TenantAccessFilter());
        return builder;
    }

    /// <summary>Requires the platform admin.</summary>
    public static TBuilder RequirePlatformAdmin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AuthServiceCollectionExtensions.PlatformAdminPolicy);
}
