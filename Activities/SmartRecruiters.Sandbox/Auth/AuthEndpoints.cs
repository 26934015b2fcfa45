using Microsoft.Extensions.Options;
using SmartRecruiters.Sandbox.Http;

namespace SmartRecruiters.Sandbox.Auth;

/// <summary>OAuth client-credentials token endpoint and <c>GET /users/me</c>.</summary>
internal static class AuthEndpoints
{
    public static void MapTokenEndpoint(this IEndpointRouteBuilder root)
    {
        root.MapPost("/identity/oauth/token", IssueTokenAsync).WithName("SandboxOAuthToken").DisableAntiforgery();
    }

    public static void MapUserEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/users/me", Me).WithName("SandboxUsersMe");
        api.MapGet("/user-api/v201804/users/me", Me).WithName("SandboxUserApiMe");
    }

    private static async Task<IResult> IssueTokenAsync(HttpContext context, SandboxAuthenticator authenticator, IOptions<SandboxOptions> options, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return Results.Json(new { error = "invalid_request", error_description = "Expected application/x-www-form-urlencoded." }, statusCode: 400);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        if (form["grant_type"] != "client_credentials")
        {
            return Results.Json(new { error = "unsupported_grant_type", error_description = "Only client_credentials is supported." }, statusCode: 400);
        }

        // Client credentials may come in the form or as HTTP Basic, as OAuth 2 allows both.
        string? clientId = form["client_id"], clientSecret = form["client_secret"];
        var authorization = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(clientId) && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                clientId = Uri.UnescapeDataString(decoded[..colon]);
                clientSecret = Uri.UnescapeDataString(decoded[(colon + 1)..]);
            }
        }

        if (!authenticator.ValidateClient(clientId, clientSecret))
        {
            return Results.Json(new { error = "invalid_client", error_description = "Unknown client or wrong secret." }, statusCode: 401);
        }

        var token = authenticator.IssueToken(clientId!);
        return Results.Json(new
        {
            access_token = token,
            token_type = "bearer",
            expires_in = (int)options.Value.TokenLifetime.TotalSeconds,
            scope = "candidates_read candidates_create candidates_manage candidate_status_read configuration_read jobs_read jobs_manage webhooks_read webhooks_write webhooks_delete webhooks_manage user_me_read",
        });
    }

    private static IResult Me(HttpContext context, TimeProvider time)
    {
        var credential = context.Items[ApiPipelineFilter.CredentialItem] as string ?? "";
        return Results.Json(new
        {
            id = "3f0a1e5c-7d2b-4c55-9a0e-5b7c1d2e3f40",
            email = "api.admin@acmecorp.example",
            firstName = "Api",
            lastName = credential.StartsWith("oauth:", StringComparison.Ordinal) ? "Client" : "Admin",
            systemRole = new { id = "ADMINISTRATOR", name = "Administrator" },
            language = new { code = "en" },
            active = true,
            updatedOn = time.GetUtcNow(),
            location = new { country = "Germany", countryCode = "de", city = "Berlin" },
            accessGroups = Array.Empty<object>(),
        }, SandboxJson.Api);
    }
}
