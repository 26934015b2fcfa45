using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Serialization;
using RulesEngine.Host.Features.Audit;
using RulesEngine.Host.Features.Auth;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Persistence.Audit;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Features.Workflows;

public static partial class WorkflowEndpoints
{
    public static async Task<Results<Ok<WorkflowVersionModel>, ProblemHttpResult>> PublishAsync(
        string tenantId, string definitionId, IWorkflowDefinitionStore store, WorkflowJsonReader reader, WorkflowLoader loader, ITriggerIndexer indexer,
        IAuditStore audit, ClaimsPrincipal user, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var latest = await store.GetLatestVersionAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false);
        if (latest is null)
        {
            return WorkflowNotFound(definitionId);
        }

        if (Validate(reader, loader, latest, publishedAs: latest.Version) is { } invalid)
        {
            return invalid.Problem;
        }

        var previous = (await store.GetAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false))?.PublishedVersion;
        var published = await store.PublishAsync(tenantId, definitionId, latest.Version, cancellationToken).ConfigureAwait(false);
        if (published is null)
        {
            return WorkflowNotFound(definitionId);
        }

        // A save can slip in between the check and the publish (the store publishes by version number): what is now
        // published must be what was checked, or pass the checks itself; otherwise put back what was published before.
        var blueprint = Load(reader, loader, published);
        if (!string.Equals(published.Json, latest.Json, StringComparison.Ordinal) && !blueprint.IsRunnable)
        {
            var restored = previous is null ? null : await store.PublishAsync(tenantId, definitionId, previous, cancellationToken).ConfigureAwait(false);
            if (restored is null)
            {
                await store.RetractAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false);
            }

            await indexer.ReindexAsync(tenantId, definitionId, restored is null ? null : Load(reader, loader, restored), cancellationToken).ConfigureAwait(false);
            return HostEndpoints.Conflict($"workflow '{definitionId}' was saved while it was being published and is no longer valid; it was not published");
        }

        await indexer.ReindexAsync(tenantId, definitionId, blueprint, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(tenantId, user, AuditActions.WorkflowPublished, definitionId, new { published.Version }, cancellationToken).ConfigureAwait(false);
        Log.WorkflowPublished(loggers.CreateLogger(LogCategory), tenantId, definitionId, published.Version);
        return TypedResults.Ok(WorkflowDocuments.ToModel(published, published.Version));
    }

    public static async Task<Results<Ok<WorkflowVersionModel>, ProblemHttpResult>> RetractAsync(
        string tenantId, string definitionId, IWorkflowDefinitionStore store, ITriggerIndexer indexer, IAuditStore audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false) is null)
        {
            return WorkflowNotFound(definitionId);
        }

        // Idempotent: retracting an unpublished workflow leaves it as it is, but the index is rebuilt all the same.
        var retracted = await store.RetractAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false);
        await indexer.ReindexAsync(tenantId, definitionId, null, cancellationToken).ConfigureAwait(false);
        if (retracted)
        {
            await audit.RecordAsync(tenantId, user, AuditActions.WorkflowRetracted, definitionId, null, cancellationToken).ConfigureAwait(false);
        }

        var latest = await store.GetLatestVersionAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false);
        return latest is null ? WorkflowNotFound(definitionId) : TypedResults.Ok(WorkflowDocuments.ToModel(latest, null));
    }

    public static async Task<Results<Ok<WorkflowVersionModel>, ProblemHttpResult>> RollbackAsync(
        string tenantId, string definitionId, RollbackRequest request, IWorkflowDefinitionStore store, WorkflowJsonReader reader, WorkflowLoader loader,
        ITriggerIndexer indexer, IAuditStore audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var header = await store.GetAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            return WorkflowNotFound(definitionId);
        }

        var source = await store.GetVersionAsync(tenantId, definitionId, request.Version, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return HostEndpoints.NotFound($"workflow '{definitionId}' has no version {request.Version}");
        }

        // The copy will run as a published version, so it must pass the same checks as a publish.
        if (Validate(reader, loader, source, publishedAs: header.LatestVersion + 1) is { } invalid)
        {
            return invalid.Problem;
        }

        var copy = await store.RollbackAsync(tenantId, definitionId, request.Version, Caller.From(user).Name, cancellationToken).ConfigureAwait(false);
        if (copy is null)
        {
            return WorkflowNotFound(definitionId);
        }

        await indexer.ReindexAsync(tenantId, definitionId, Load(reader, loader, copy), cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(tenantId, user, AuditActions.WorkflowRolledBack, definitionId, new { from = request.Version, copy.Version }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(WorkflowDocuments.ToModel(copy, copy.Version));
    }

    public static async Task<Results<Accepted<RunAccepted>, ProblemHttpResult>> RunAsync(
        string tenantId, string definitionId, RunWorkflowRequest? request, IWorkflowDefinitionStore store, IWorkflowDispatcher dispatcher, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false) is null)
        {
            return WorkflowNotFound(definitionId);
        }

        var run = new RunRequest
        {
            Input = request?.Input?.ToDictionary(p => p.Key, p => ToClr(p.Value), StringComparer.OrdinalIgnoreCase),
            Body = request?.Payload?.DeepClone(),
            TriggerKind = "manual",
        };
        try
        {
            var instanceId = await dispatcher.EnqueueAsync(tenantId, definitionId, run, cancellationToken).ConfigureAwait(false);
            return TypedResults.Accepted($"/api/tenants/{tenantId}/instances/{instanceId}", new RunAccepted(instanceId));
        }
        catch (WorkflowNotRunnableException ex)
        {
            return HostEndpoints.Conflict(ex.Message, ProblemTypes.NotRunnable);
        }
    }

    /// <summary>Loads a version as it will run; a problem result when any error-level problem blocks it.</summary>
    private static Invalid? Validate(WorkflowJsonReader reader, WorkflowLoader loader, WorkflowVersion version, int publishedAs)
    {
        WorkflowBlueprint blueprint;
        try
        {
            var definition = WorkflowDocuments.Read(reader, version);
            definition.Version = publishedAs;
            definition.IsPublished = true;
            blueprint = loader.Load(definition);
        }
        catch (WorkflowFormatException ex)
        {
            return new Invalid(WorkflowInvalid($"version {version.Version} cannot be read: {ex.Message}", []));
        }

        var errors = blueprint.Problems.Where(p => p.IsError).Select(WorkflowDocuments.ToModel).ToList();
        return errors.Count == 0
            ? null
            : new Invalid(WorkflowInvalid($"version {version.Version} has {errors.Count} problem(s): {string.Join("; ", blueprint.Problems.Where(p => p.IsError))}", errors));
    }

    private static ProblemHttpResult WorkflowInvalid(string detail, List<WorkflowProblemModel> errors) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The workflow is not valid", type: ProblemTypes.WorkflowInvalid,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    private static WorkflowBlueprint Load(WorkflowJsonReader reader, WorkflowLoader loader, WorkflowVersion version) =>
        loader.Load(WorkflowDocuments.Read(reader, version));

    /// <summary>JSON scalars become CLR values (as <c>--input</c> does); objects and arrays stay JSON for the engine to convert.</summary>
    private static object? ToClr(JsonNode? node)
    {
        if (node is not JsonValue)
        {
            return node?.DeepClone();
        }

        // Bound request JSON is backed by JsonElement, whose TryGetValue<string> does not convert; go through the element.
        var element = JsonSerializer.SerializeToElement(node);
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when element.TryGetInt64(out var l) => l,
            JsonValueKind.Number => element.GetDouble(),
            _ => null,
        };
    }

    private sealed record Invalid(ProblemHttpResult Problem);
}
