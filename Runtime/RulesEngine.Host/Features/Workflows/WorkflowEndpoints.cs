using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using RulesEngine.Core.Descriptors;
using RulesEngine.Core.Model;
using WorkflowDefinition = RulesEngine.Core.Model.WorkflowDefinition;
using RulesEngine.Core.Serialization;
using RulesEngine.Host.Features.Audit;
using RulesEngine.Host.Features.Auth;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Persistence.Audit;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Triggers;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Features.Workflows;

/// <summary>Workflow definitions of a tenant: CRUD with optimistic concurrency, version lifecycle, export/import, run now.</summary>
public static partial class WorkflowEndpoints
{
    public static IEndpointRouteBuilder MapWorkflowEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenants/{tenantId}/workflows").WithTags("Workflows").RequireTenantAccess()
            .AddEndpointFilter(HostEndpoints.RequireExistingTenant);
        group.MapGet("/", ListAsync).WithName("ListWorkflows").WithSummary("Workflow summaries with status, triggers and last run.");
        group.MapPost("/", CreateAsync).Accepts<JsonObject>("application/json").WithName("CreateWorkflow")
            .WithSummary("Creates a workflow from Elsa-shaped JSON as draft version 1 (definitionId defaults to a slug of the name).");
        group.MapPost("/import", ImportAsync).Accepts<JsonNode>("application/json").WithName("ImportWorkflows")
            .WithSummary("Imports one workflow or an array, all or nothing, each as a draft; reports unknown types and unsupported expressions.");
        group.MapGet("/{definitionId}", GetLatestAsync).WithName("GetWorkflow").WithSummary("The latest version.");
        group.MapPut("/{definitionId}", SaveAsync).Accepts<SaveWorkflowRequest>("application/json").WithName("SaveWorkflow")
            .WithSummary("Saves a draft (a new draft version when the latest is published). A stale concurrencyStamp answers 409 with the current version.");
        group.MapDelete("/{definitionId}", DeleteAsync).WithName("DeleteWorkflow").WithSummary("Deletes the workflow and all its versions (instances stay).");
        group.MapGet("/{definitionId}/versions", ListVersionsAsync).WithName("ListWorkflowVersions").WithSummary("Versions, newest first.");
        group.MapGet("/{definitionId}/versions/{version:int}", GetVersionAsync).WithName("GetWorkflowVersion").WithSummary("One version.");
        group.MapPost("/{definitionId}/publish", PublishAsync).WithName("PublishWorkflow")
            .WithSummary("Validates and compiles the latest version and publishes it; 400 workflow-invalid lists every problem.");
        group.MapPost("/{definitionId}/retract", RetractAsync).WithName("RetractWorkflow").WithSummary("Unpublishes the workflow: its triggers stop.");
        group.MapPost("/{definitionId}/rollback", RollbackAsync).WithName("RollbackWorkflow").WithSummary("Publishes a copy of an earlier version as a new version.");
        group.MapGet("/{definitionId}/export", ExportAsync).WithName("ExportWorkflow").WithSummary("The workflow JSON file of the latest (or ?version=) version.");
        group.MapPost("/{definitionId}/run", RunAsync).WithName("RunWorkflow").WithSummary("Queues a run of the published version; 202 with the instance id.");
        return app;
    }

    public static async Task<Ok<List<WorkflowSummary>>> ListAsync(
        string tenantId, IWorkflowDefinitionStore store, IWorkflowInstanceStore instances, ITriggerIndexStore triggerIndex,
        WorkflowJsonReader reader, ActivityRegistry registry, CancellationToken cancellationToken)
    {
        // A fixed number of queries whatever the number of workflows: published triggers come from the trigger index and
        // last runs from one grouped query; only unpublished workflows are read and parsed one by one.
        var definitions = await store.ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var indexed = (await triggerIndex.ListAsync(tenantId, null, cancellationToken).ConfigureAwait(false))
            .GroupBy(t => t.DefinitionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var lastRuns = await instances.LatestByDefinitionAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var result = new List<WorkflowSummary>(definitions.Count);
        foreach (var d in definitions)
        {
            IReadOnlyList<WorkflowTrigger> triggers = [];
            var status = "Draft";
            if (d.PublishedVersion is not null)
            {
                status = "Published";
                triggers = indexed.TryGetValue(d.DefinitionId, out var entries) ? entries.Select(WorkflowDocuments.Trigger).ToList() : [];
            }
            else
            {
                var shown = await store.GetVersionAsync(tenantId, d.DefinitionId, d.LatestVersion, cancellationToken).ConfigureAwait(false);
                if (shown is not null)
                {
                    try
                    {
                        triggers = WorkflowDocuments.Triggers(WorkflowDocuments.Read(reader, shown), registry);
                    }
                    catch (WorkflowFormatException)
                    {
                        // A version stored before a reader change that no longer reads: list it without triggers.
                    }
                }

                var versions = await store.ListVersionsAsync(tenantId, d.DefinitionId, cancellationToken).ConfigureAwait(false);
                if (versions.Any(v => v.PublishedAt is not null))
                {
                    status = "Retracted";
                }
            }

            var lastRun = lastRuns.TryGetValue(d.DefinitionId, out var run) ? new WorkflowLastRun(run.Id, run.Status.ToString(), run.FinishedAt) : null;
            result.Add(new WorkflowSummary(d.DefinitionId, d.Name, d.Description, d.LatestVersion, d.PublishedVersion, status, triggers, lastRun, d.UpdatedAt));
        }

        return TypedResults.Ok(result);
    }

    public static async Task<Results<Created<WorkflowVersionModel>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        string tenantId, HttpRequest request, IWorkflowDefinitionStore store, WorkflowJsonReader reader, IAuditStore audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var text = await HostEndpoints.ReadBodyTextAsync(request, cancellationToken).ConfigureAwait(false);
        WorkflowDefinition definition;
        try
        {
            definition = reader.Read(text, "body");
        }
        catch (WorkflowFormatException ex)
        {
            return HostEndpoints.InvalidJson(ex.Message, LineExtensions(ex));
        }

        var explicitId = !string.IsNullOrWhiteSpace(definition.DefinitionId);
        var definitionId = explicitId ? definition.DefinitionId : await FreeSlugAsync(tenantId, definition.Name, store, new HashSet<string>(), cancellationToken).ConfigureAwait(false);
        if (!WorkflowDocuments.IsValidDefinitionId(definitionId))
        {
            return HostEndpoints.Invalid("definitionId", "1-128 letters, digits, '-', '_' or '.', starting with a letter or digit");
        }

        // Checked first so that the common case answers without provoking (and logging) a unique-index violation.
        if (explicitId && await store.GetAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return HostEndpoints.Conflict($"workflow '{definitionId}' already exists");
        }

        var json = WorkflowDocuments.Normalise(definition, tenantId, definitionId);
        var created = await store.CreateAsync(tenantId, new NewWorkflowDefinition(definitionId, definition.Name, definition.Description, json, Caller.From(user).Name), cancellationToken).ConfigureAwait(false);
        if (created is null)
        {
            return HostEndpoints.Conflict($"workflow '{definitionId}' already exists");
        }

        await audit.RecordAsync(tenantId, user, AuditActions.WorkflowCreated, definitionId, new { created.Version, definition.Name }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/tenants/{tenantId}/workflows/{definitionId}", WorkflowDocuments.ToModel(created, null));
    }

    public static async Task<Results<Ok<WorkflowVersionModel>, ProblemHttpResult>> GetLatestAsync(
        string tenantId, string definitionId, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var header = await store.GetAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false);
        var latest = header is null ? null : await store.GetVersionAsync(tenantId, definitionId, header.LatestVersion, cancellationToken).ConfigureAwait(false);
        return latest is null ? WorkflowNotFound(definitionId) : TypedResults.Ok(WorkflowDocuments.ToModel(latest, header!.PublishedVersion));
    }

    public static async Task<Results<Ok<WorkflowVersionModel>, ProblemHttpResult>> GetVersionAsync(
        string tenantId, string definitionId, int version, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var header = await store.GetAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            return WorkflowNotFound(definitionId);
        }

        var found = await store.GetVersionAsync(tenantId, definitionId, version, cancellationToken).ConfigureAwait(false);
        return found is null
            ? HostEndpoints.NotFound($"workflow '{definitionId}' has no version {version}")
            : TypedResults.Ok(WorkflowDocuments.ToModel(found, header.PublishedVersion));
    }

    public static async Task<Results<Ok<WorkflowVersionModel>, ProblemHttpResult, ValidationProblem>> SaveAsync(
        string tenantId, string definitionId, HttpRequest request, IWorkflowDefinitionStore store, WorkflowJsonReader reader, IAuditStore audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var text = await HostEndpoints.ReadBodyTextAsync(request, cancellationToken).ConfigureAwait(false);
        WorkflowDefinition definition;
        string? stamp;
        try
        {
            if (WorkflowJsonReader.ParseJson(text, "body") is not JsonObject body)
            {
                return HostEndpoints.Invalid("definition", "expected an object {\"definition\":{…},\"concurrencyStamp\":\"…\"}");
            }

            stamp = HostEndpoints.StringValue(body["concurrencyStamp"]);
            if (body["definition"] is not JsonObject definitionJson)
            {
                return HostEndpoints.Invalid("definition", "the workflow JSON is required");
            }

            definition = reader.Read(definitionJson, "definition");
        }
        catch (WorkflowFormatException ex)
        {
            return HostEndpoints.InvalidJson(ex.Message, LineExtensions(ex));
        }

        if (string.IsNullOrEmpty(stamp))
        {
            return HostEndpoints.Invalid("concurrencyStamp", "the concurrency stamp of the version you loaded is required");
        }

        var json = WorkflowDocuments.Normalise(definition, tenantId, definitionId);
        var result = await store.SaveDraftAsync(tenantId, definitionId, new WorkflowDraft(json, stamp, Caller.From(user).Name, definition.Name, definition.Description), cancellationToken).ConfigureAwait(false);
        var header = await store.GetAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false);
        switch (result.Status)
        {
            case SaveDraftStatus.NotFound:
                return WorkflowNotFound(definitionId);
            case SaveDraftStatus.Conflict:
                var current = result.Current is null ? null : WorkflowDocuments.ToModel(result.Current, header?.PublishedVersion);
                return HostEndpoints.Conflict(
                    $"workflow '{definitionId}' was saved by {result.Current?.SavedBy ?? "someone else"} since you loaded it",
                    extensions: new Dictionary<string, object?> { ["current"] = current });
        }

        var saved = result.Current!;
        await audit.RecordAsync(tenantId, user, AuditActions.WorkflowSaved, definitionId, new { saved.Version }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(WorkflowDocuments.ToModel(saved, header?.PublishedVersion));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string tenantId, string definitionId, IWorkflowDefinitionStore store, ITriggerIndexer indexer, IAuditStore audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false))
        {
            return WorkflowNotFound(definitionId);
        }

        await indexer.ReindexAsync(tenantId, definitionId, null, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(tenantId, user, AuditActions.WorkflowDeleted, definitionId, null, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<List<WorkflowVersionInfo>>, ProblemHttpResult>> ListVersionsAsync(
        string tenantId, string definitionId, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var versions = await store.ListVersionsAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false);
        return versions.Count == 0
            ? WorkflowNotFound(definitionId)
            : TypedResults.Ok(versions.Select(v => new WorkflowVersionInfo(v.Version, v.IsPublished, v.IsLatest, v.SavedBy, v.SavedAt, v.PublishedAt)).ToList());
    }

    internal static ProblemHttpResult WorkflowNotFound(string definitionId) => HostEndpoints.NotFound($"workflow '{definitionId}' was not found");

    private static Dictionary<string, object?>? LineExtensions(WorkflowFormatException ex) =>
        ex.Line is null ? null : new Dictionary<string, object?> { ["line"] = ex.Line, ["position"] = ex.Position };

    /// <summary>A slug of the name that no stored workflow (nor an earlier item of the same import) uses yet.</summary>
    private static async Task<string> FreeSlugAsync(string tenantId, string? name, IWorkflowDefinitionStore store, ISet<string> taken, CancellationToken cancellationToken)
    {
        var slug = WorkflowDocuments.Slug(name);
        var candidate = slug;
        for (var n = 2; taken.Contains(candidate) || await store.GetAsync(tenantId, candidate, cancellationToken).ConfigureAwait(false) is not null; n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }
}
