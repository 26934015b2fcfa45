using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Model;
using WorkflowDefinition = RulesEngine.Core.Model.WorkflowDefinition;
using RulesEngine.Core.Serialization;
using RulesEngine.Core.Validation;
using RulesEngine.Host.Features.Audit;
using RulesEngine.Host.Features.Auth;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Persistence.Audit;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Features.Workflows;

public static partial class WorkflowEndpoints
{
    private const string LogCategory = "RulesEngine.Host.Features.Workflows";

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string tenantId, string definitionId, int? version, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var found = version is null
            ? await store.GetLatestVersionAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false)
            : await store.GetVersionAsync(tenantId, definitionId, version.Value, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return version is null ? WorkflowNotFound(definitionId) : HostEndpoints.NotFound($"workflow '{definitionId}' has no version {version}");
        }

        // The file travels between tenants and installations: the tenant is not part of it. Workflows hold no secrets
        // (they name connections, whose secrets stay in the connection store), so nothing else needs removing.
        var json = WorkflowDocuments.ToDefinitionJson(found);
        json.Remove("tenantId");
        var bytes = Encoding.UTF8.GetBytes(json.ToJsonString(EngineJson.Indented));
        return TypedResults.File(bytes, "application/json", $"{definitionId}.v{found.Version}.json");
    }

    public static async Task<Results<Created<List<ImportedWorkflow>>, ProblemHttpResult, ValidationProblem>> ImportAsync(
        string tenantId, HttpRequest request, IWorkflowDefinitionStore store, WorkflowJsonReader reader, WorkflowLoader loader, IAuditStore audit,
        ClaimsPrincipal user, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var text = await HostEndpoints.ReadBodyTextAsync(request, cancellationToken).ConfigureAwait(false);
        JsonNode root;
        try
        {
            root = WorkflowJsonReader.ParseJson(text, "body");
        }
        catch (WorkflowFormatException ex)
        {
            return HostEndpoints.InvalidJson(ex.Message, LineExtensions(ex));
        }

        var nodes = root switch
        {
            JsonArray array => array.ToList(),
            JsonObject o when o["workflowDefinitions"] is JsonArray many => many.ToList(),
            _ => [root],
        };
        if (nodes.Count == 0)
        {
            return HostEndpoints.Invalid("body", "the array holds no workflows");
        }

        // Phase 1: read and check every item without writing anything, so that one bad item refuses the whole import.
        var savedBy = Caller.From(user).Name;
        var items = new List<ImportItem>();
        var errors = new List<ImportItemError>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var source = $"item {i}";
            WorkflowDefinition definition;
            try
            {
                definition = reader.Read(nodes[i] ?? throw new WorkflowFormatException($"{source}: null is not a workflow"), source);
            }
            catch (WorkflowFormatException ex)
            {
                errors.Add(new ImportItemError(i, null, ex.Message));
                continue;
            }

            var definitionId = string.IsNullOrWhiteSpace(definition.DefinitionId)
                ? await FreeSlugAsync(tenantId, definition.Name, store, ids, cancellationToken).ConfigureAwait(false)
                : definition.DefinitionId;
            if (!WorkflowDocuments.IsValidDefinitionId(definitionId))
            {
                errors.Add(new ImportItemError(i, definitionId, $"{source}: definitionId '{definitionId}' must be 1-128 letters, digits, '-', '_' or '.'"));
                continue;
            }

            if (!ids.Add(definitionId))
            {
                errors.Add(new ImportItemError(i, definitionId, $"{source}: definitionId '{definitionId}' appears more than once in the import"));
                continue;
            }

            var existing = await store.GetLatestVersionAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false);
            var report = Report(loader, definition);
            items.Add(new ImportItem(i, definitionId, definition, WorkflowDocuments.Normalise(definition, tenantId, definitionId), existing, report));
        }

        if (errors.Count > 0)
        {
            return ImportRefused(errors);
        }

        // Phase 2: write. The stores have no cross-call transaction, so a write that loses a race undoes the earlier ones.
        var done = new List<(ImportItem Item, WorkflowVersion Stored)>();
        foreach (var item in items)
        {
            WorkflowVersion? stored;
            if (item.Existing is null)
            {
                stored = await store.CreateAsync(tenantId, new NewWorkflowDefinition(item.DefinitionId, item.Definition.Name, item.Definition.Description, item.Json, savedBy), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var saved = await store.SaveDraftAsync(tenantId, item.DefinitionId, new WorkflowDraft(item.Json, item.Existing.ConcurrencyStamp, savedBy, item.Definition.Name, item.Definition.Description), cancellationToken).ConfigureAwait(false);
                stored = saved.Status == SaveDraftStatus.Saved ? saved.Current : null;
            }

            if (stored is null)
            {
                await UndoAsync(tenantId, store, done, savedBy, loggers.CreateLogger(LogCategory), cancellationToken).ConfigureAwait(false);
                return HostEndpoints.Conflict($"item {item.Index}: workflow '{item.DefinitionId}' was changed by someone else during the import; nothing was imported");
            }

            done.Add((item, stored));
        }

        foreach (var (item, stored) in done)
        {
            await audit.RecordAsync(tenantId, user, AuditActions.WorkflowImported, item.DefinitionId,
                new { stored.Version, item.Report.UnknownTypes, item.Report.UnsupportedExpressions }, cancellationToken).ConfigureAwait(false);
        }

        Log.WorkflowsImported(loggers.CreateLogger(LogCategory), tenantId, done.Count);
        return TypedResults.Created($"/api/tenants/{tenantId}/workflows", done.Select(d => new ImportedWorkflow(d.Item.DefinitionId, d.Stored.Version, d.Item.Report)).ToList());
    }

    private static ImportReport Report(WorkflowLoader loader, WorkflowDefinition definition)
    {
        var blueprint = loader.Load(definition);
        var report = Core.Validation.ImportReport.Create(definition, blueprint);
        var items = report.Items
            .Select(i => new ImportReportItem(i.ActivityId, i.ActivityName, i.ActivityType, i.Message) { Kind = i.Kind, Property = i.Property })
            .Concat(blueprint.Problems
                .Where(p => p.Code is not ProblemCodes.UnknownType and not ProblemCodes.UnsupportedExpression)
                .Select(p => new ImportReportItem(p.ActivityId, p.ActivityName, p.ActivityType, p.Message) { Kind = p.Code, Property = p.Input }))
            .ToList();
        return new ImportReport(report.UnknownTypes, report.UnsupportedExpressions, items)
        {
            UnsupportedOptions = report.UnsupportedOptions,
            Summary = report.Summary,
        };
    }

    private static ProblemHttpResult ImportRefused(List<ImportItemError> errors) =>
        TypedResults.Problem(
            detail: $"nothing was imported: {string.Join("; ", errors.Select(e => e.Message))}",
            statusCode: StatusCodes.Status400BadRequest,
            title: "The import was refused",
            type: ProblemTypes.Validation,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>
    /// Best effort: deletes definitions this import created and restores drafts it overwrote. A draft version added on top
    /// of a published one cannot be removed through the store and stays (it is only a draft, and it is audited).
    /// </summary>
    private static async Task UndoAsync(string tenantId, IWorkflowDefinitionStore store, List<(ImportItem Item, WorkflowVersion Stored)> done, string savedBy, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var (item, stored) in done)
        {
            try
            {
                if (item.Existing is null)
                {
                    await store.DeleteAsync(tenantId, item.DefinitionId, CancellationToken.None).ConfigureAwait(false);
                }
                else if (!item.Existing.IsPublished)
                {
                    await store.SaveDraftAsync(tenantId, item.DefinitionId, new WorkflowDraft(item.Existing.Json, stored.ConcurrencyStamp, item.Existing.SavedBy ?? savedBy), CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                Log.ImportUndoFailed(logger, ex, tenantId, item.DefinitionId);
            }
        }
    }

    private sealed record ImportItem(int Index, string DefinitionId, WorkflowDefinition Definition, string Json, WorkflowVersion? Existing, ImportReport Report);
}
