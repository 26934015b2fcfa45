using System.Security.Claims;

namespace RulesEngine.Host.Features.Auth;

/// <summary>Who is calling: the platform admin, or a token of one tenant.</summary>
public sealed record Caller(string Name, string? TenantId, bool IsPlatformAdmin)
{
    public const string TenantClaim = "rulesengine:tenant";
    public const string AdminClaim = "rulesengine:admin";

    public static Caller From(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "anonymous",
        user.FindFirst(TenantClaim)?.Value,
        user.HasClaim(AdminClaim, "true"));

    /// <summary>True when the caller may act on <paramref name="tenantId"/>.</summary>
    public bool CanAccess(string tenantId) => IsPlatformAdmin || string.Equals(TenantId, tenantId, StringComparison.Ordinal);
}
