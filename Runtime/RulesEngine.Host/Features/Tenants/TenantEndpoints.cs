using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using RulesEngine.Host.Features.Audit;
using RulesEngine.Host.Features.Auth;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Persistence.Audit;
using RulesEngine.Persistence.Tenants;
using RulesEngine.Persistence.Tokens;

namespace RulesEngine.Host.Features.Tenants;

/// <summary>Tenants (platform admin) and their API tokens (admin or the tenant itself).</summary>
public static partial class TenantEndpoints
{
    public static IEndpointRouteBuilder MapTenantEndpoints(this IEndpointRouteBuilder app)
    {
        var tenants = app.MapGroup("/api/tenants").WithTags("Tenants");
        tenants.MapPost("/", CreateAsync).RequirePlatformAdmin().WithName("CreateTenant").WithSummary("Creates a tenant (platform admin).");
        tenants.MapGet("/", ListAsync).RequireAuthorization().WithName("ListTenants").WithSummary("All tenants for the admin; a tenant token sees its own.");

        var tokens = app.MapGroup("/api/tenants/{tenantId}/tokens").WithTags("Tenants").RequireTenantAccess()
            .AddEndpointFilter(HostEndpoints.RequireExistingTenant);
        tokens.MapPost("/", IssueTokenAsync).WithName("IssueToken").WithSummary("Issues an API token of the tenant; the token is shown once.");
        tokens.MapGet("/", ListTokensAsync).WithName("ListTokens").WithSummary("The tenant's tokens (never the token text).");
        tokens.MapDelete("/{tokenId}", RevokeTokenAsync).WithName("RevokeToken").WithSummary("Revokes a token.");
        return app;
    }

    public static async Task<Results<Created<TenantModel>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateTenantRequest request, ITenantStore store, IAuditStore audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Id) || !SlugPattern().IsMatch(request.Id))
        {
            return HostEndpoints.Invalid("id", "a tenant id is 1-64 lower-case letters, digits or '-', starting with a letter or digit");
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return HostEndpoints.Invalid("name", "the name is required");
        }

        var tenant = await store.CreateAsync(request.Id, request.Name.Trim(), cancellationToken).ConfigureAwait(false);
        if (tenant is null)
        {
            return HostEndpoints.Conflict($"tenant '{request.Id}' already exists");
        }

        await audit.RecordAsync(tenant.Id, user, AuditActions.TenantCreated, tenant.Id, new { tenant.Name }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/tenants/{tenant.Id}", ToModel(tenant));
    }

    public static async Task<Ok<List<TenantModel>>> ListAsync(ITenantStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (caller.IsPlatformAdmin)
        {
            var all = await store.ListAsync(cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(all.Select(ToModel).ToList());
        }

        var own = caller.TenantId is null ? null : await store.GetAsync(caller.TenantId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(own is null ? [] : new List<TenantModel> { ToModel(own) });
    }

    public static async Task<Results<Created<IssuedTokenModel>, ValidationProblem>> IssueTokenAsync(
        string tenantId, CreateTokenRequest request, IApiTokenStore tokens, IAuditStore audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            return HostEndpoints.Invalid("name", "a token name of 1-100 characters is required");
        }

        var issued = await tokens.IssueAsync(tenantId, request.Name.Trim(), cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(tenantId, user, AuditActions.TokenIssued, issued.Token.Id, new { issued.Token.Name, issued.Token.Prefix }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/tenants/{tenantId}/tokens/{issued.Token.Id}", new IssuedTokenModel(issued.Plaintext, issued.Token.Id, issued.Token.Name));
    }

    public static async Task<Ok<List<TokenModel>>> ListTokensAsync(string tenantId, IApiTokenStore tokens, CancellationToken cancellationToken)
    {
        var list = await tokens.ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(t => new TokenModel(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt)).ToList());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(
        string tenantId, string tokenId, IApiTokenStore tokens, IAuditStore audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await tokens.RevokeAsync(tenantId, tokenId, cancellationToken).ConfigureAwait(false))
        {
            return HostEndpoints.NotFound($"token '{tokenId}' was not found");
        }

        await audit.RecordAsync(tenantId, user, AuditActions.TokenRevoked, tokenId, null, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static TenantModel ToModel(Tenant t) => new(t.Id, t.Name, t.CreatedAt);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
