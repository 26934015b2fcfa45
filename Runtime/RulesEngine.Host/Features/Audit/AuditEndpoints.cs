using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using RulesEngine.Host.Features.Auth;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Persistence.Audit;

namespace RulesEngine.Host.Features.Audit;

/// <summary>The tenant's audit trail, newest first.</summary>
public static class AuditEndpoints
{
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenants/{tenantId}/audit").WithTags("Audit").RequireTenantAccess()
            .AddEndpointFilter(HostEndpoints.RequireExistingTenant);
        group.MapGet("/", ListAsync).WithName("ListAudit").WithSummary("Audit entries newest first; page back with before=<at of the last entry>.");
        return app;
    }

    public static async Task<Results<Ok<List<AuditEntryModel>>, ValidationProblem>> ListAsync(
        string tenantId, IAuditStore audit, int? max, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        var take = max ?? 100;
        if (take is < 1 or > MaxPageSize)
        {
            return HostEndpoints.Invalid("max", $"must be between 1 and {MaxPageSize}");
        }

        var entries = await audit.ListAsync(tenantId, take, before, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(entries.Select(e => new AuditEntryModel(e.At, e.Actor, e.Action, e.Target, ParseDetails(e.DetailsJson))).ToList());
    }

    private static JsonNode? ParseDetails(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
