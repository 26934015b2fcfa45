using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using RulesEngine.Host.Features.Audit;
using RulesEngine.Host.Features.Auth;
using RulesEngine.Host.Features.Connections;
using RulesEngine.Host.Features.Mappings;
using RulesEngine.Host.Features.Scripts;
using RulesEngine.Host.Features.Tenants;
using RulesEngine.Host.Features.Workflows;
using RulesEngine.Persistence.Tenants;

namespace RulesEngine.Host.Infrastructure;

/// <summary>The management API: tenants and tokens, workflows, connections, mapping tables, script checks, audit.</summary>
internal static partial class HostEndpoints
{
    /// <summary>Request bodies the API reads as text (workflow JSON, CSV) are capped so that one request cannot exhaust memory.</summary>
    public const int MaxTextBodyChars = 16 * 1024 * 1024;

    static partial void AddManagementServices(IServiceCollection services)
    {
        services.AddConnectionFeature();
    }

    static partial void MapManagementEndpoints(IEndpointRouteBuilder app)
    {
        app.MapTenantEndpoints();
        app.MapWorkflowEndpoints();
        app.MapConnectionEndpoints();
        app.MapMappingEndpoints();
        app.MapScriptEndpoints();
        app.MapAuditEndpoints();
    }

    /// <summary>
    /// Endpoint filter for <c>/api/tenants/{tenantId}/…</c> groups: the platform admin may reach any tenant, so a tenant
    /// that does not exist answers 404 rather than collecting orphan rows. (A tenant token implies its tenant exists.)
    /// </summary>
    public static async ValueTask<object?> RequireExistingTenant(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetRouteValue("tenantId") is string tenantId && Caller.From(http.User).IsPlatformAdmin
            && await http.RequestServices.GetRequiredService<ITenantStore>().GetAsync(tenantId, http.RequestAborted).ConfigureAwait(false) is null)
        {
            return NotFound($"tenant '{tenantId}' was not found");
        }

        return await next(context).ConfigureAwait(false);
    }

    /// <summary>404 with the stable not-found type.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found", type: ProblemTypes.NotFound);

    /// <summary>409 with the stable conflict type (or another, e.g. not-runnable), optionally with extension members.</summary>
    public static ProblemHttpResult Conflict(string detail, string type = ProblemTypes.Conflict, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict", type: type, extensions: extensions);

    /// <summary>400 validation problem whose <c>errors</c> name the offending field.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: $"{field}: {message}", type: ProblemTypes.Validation);

    /// <summary>400 for a body that is not JSON; the message names line and position.</summary>
    public static ProblemHttpResult InvalidJson(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid JSON", type: ProblemTypes.InvalidJson, extensions: extensions);

    /// <summary>The text of a JSON string value, or null for anything else (robust for every backing of <see cref="JsonNode"/>).</summary>
    public static string? StringValue(JsonNode? node) =>
        node is JsonValue && node.GetValueKind() == JsonValueKind.String ? JsonSerializer.SerializeToElement(node).GetString() : null;

    /// <summary>
    /// Reads the body as text. Workflow and CSV bodies are read by hand rather than bound, so that errors can name
    /// the line and position (the JSON binder only says "bad request").
    /// </summary>
    public static async Task<string> ReadBodyTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[8192];
        var text = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > MaxTextBodyChars)
            {
                throw new BadHttpRequestException($"the request body is larger than {MaxTextBodyChars} characters", StatusCodes.Status413PayloadTooLarge);
            }
        }

        return text.ToString();
    }
}
