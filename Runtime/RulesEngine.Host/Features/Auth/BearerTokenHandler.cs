using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RulesEngine.Persistence.Tokens;

namespace RulesEngine.Host.Features.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer …</c>: the configured platform admin token (compared in constant time), or a
/// token issued through the API (stored hashed).
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AuthOptions> auth,
    IApiTokenStore tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = header["Bearer ".Length..].Trim();
        if (presented.Length == 0)
        {
            return AuthenticateResult.Fail("empty bearer token");
        }

        var admin = auth.Value.AdminToken;
        if (!string.IsNullOrEmpty(admin) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(admin)))
        {
            return Success(new Claim(ClaimTypes.Name, "platform-admin"), new Claim(Caller.AdminClaim, "true"));
        }

        var token = await tokens.ValidateAsync(presented, Context.RequestAborted).ConfigureAwait(false);
        if (token is null)
        {
            return AuthenticateResult.Fail("unknown or revoked token");
        }

        return token.TenantId is null
            ? Success(new Claim(ClaimTypes.Name, token.Name), new Claim(Caller.AdminClaim, "true"))
            : Success(new Claim(ClaimTypes.Name, token.Name), new Claim(Caller.TenantClaim, token.TenantId));
    }

    private AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
}
