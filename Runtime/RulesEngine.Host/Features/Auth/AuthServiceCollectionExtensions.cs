using Microsoft.AspNetCore.Authentication;

namespace RulesEngine.Host.Features.Auth;

/// <summary>Bearer-token authentication and the admin policy.</summary>
public static class AuthServiceCollectionExtensions
{
    public const string PlatformAdminPolicy = "platform-admin";

    public static IServiceCollection AddRulesEngineAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.SectionName)
            .PostConfigure(o => o.AdminToken = string.IsNullOrEmpty(o.AdminToken) ? Environment.GetEnvironmentVariable("RULESENGINE_ADMIN_TOKEN") : o.AdminToken);
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(PlatformAdminPolicy, p => p.RequireClaim(Caller.AdminClaim, "true"));
        return services;
    }
}
