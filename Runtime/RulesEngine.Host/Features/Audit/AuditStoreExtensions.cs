using System.Security.Claims;
using System.Text.Json;
using RulesEngine.Host.Features.Auth;
using RulesEngine.Persistence.Audit;

namespace RulesEngine.Host.Features.Audit;

/// <summary>Appends audit entries with the caller as actor and details serialised as JSON.</summary>
public static class AuditStoreExtensions
{
    /// <summary>
    /// Records one change. <paramref name="details"/> is serialised as JSON: callers pass names and counts, never
    /// secret values (for connections, only the names of the secrets that changed).
    /// </summary>
    public static Task RecordAsync(this IAuditStore audit, string tenantId, ClaimsPrincipal user, string action, string? target, object? details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var json = details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web);
        return audit.AppendAsync(tenantId, Caller.From(user).Name, action, target, json, cancellationToken);
    }
}
