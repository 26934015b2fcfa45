using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using RulesEngine.Core.Execution;
using RulesEngine.Host.Features.Auth;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Journal;
using StoredStatus = RulesEngine.Persistence.Instances.WorkflowStatus;

namespace RulesEngine.Host.Features.Instances;

/// <summary>Workflow instances of a tenant: list, detail with journal, cancel, retry.</summary>
public static class InstanceEndpoints
{
    public static IEndpointRouteBuilder MapInstanceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenants/{tenantId}/instances").WithTags("Instances").RequireTenantAccess();
        group.MapGet("/", ListAsync).WithName("ListInstances").WithSummary("Instances, newest first, filtered by definition, status and time.");
        group.MapGet("/{instanceId}", GetAsync).WithName("GetInstance").WithSummary("An instance with its variables, outputs, bookmarks and journal.");
        group.MapPost("/{instanceId}/cancel", CancelAsync).WithName("CancelInstance").WithSummary("Cancels a running or waiting instance.");
        group.MapPost("/{instanceId}/retry", RetryAsync).WithName("RetryInstance").WithSummary("Runs a faulted instance again from the faulted activity.");
        return app;
    }

    internal static async Task<Results<Ok<InstanceList>, ValidationProblem>> ListAsync(
        string tenantId, string? definitionId, string? status, DateTimeOffset? from, DateTimeOffset? to, string? cursor, int? pageSize,
        IWorkflowInstanceStore instances, CancellationToken cancellationToken)
    {
        StoredStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<StoredStatus>(status, ignoreCase: true, out var s))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"'{status}' is not one of {string.Join(", ", Enum.GetNames<StoredStatus>())}"] });
            }

            parsed = s;
        }

        var page = await instances.ListAsync(tenantId, new InstanceQuery
        {
            DefinitionId = definitionId,
            Status = parsed,
            From = from,
            To = to,
            Cursor = cursor,
            PageSize = Math.Clamp(pageSize ?? 50, 1, InstanceQuery.MaxPageSize),
            IncludeTotalCount = cursor is null,
        }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new InstanceList(page.Items.Select(InstanceSummary.From).ToList(), page.TotalCount, page.NextCursor));
    }

    internal static async Task<Results<Ok<InstanceDetail>, ProblemHttpResult>> GetAsync(
        string tenantId, string instanceId, IWorkflowInstanceStore instances, IJournalStore journal, CancellationToken cancellationToken)
    {
        var instance = await instances.GetAsync(tenantId, instanceId, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return NotFound(instanceId);
        }

        var entries = await journal.ListAsync(tenantId, instanceId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var state = instance.StateJson is null ? null : WorkflowState.Deserialize(instance.StateJson);
        return TypedResults.Ok(InstanceDetail.From(instance, state, entries));
    }

    internal static async Task<Results<Ok<InstanceSummary>, ProblemHttpResult>> CancelAsync(
        string tenantId, string instanceId, IWorkflowInstanceStore instances, RunningInstances running, InstanceExecutor executor, CancellationToken cancellationToken)
    {
        var instance = await instances.GetAsync(tenantId, instanceId, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return NotFound(instanceId);
        }

        if (instance.Status is StoredStatus.Finished or StoredStatus.Cancelled)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: $"instance {instanceId} is already {instance.Status}", type: ProblemTypes.Conflict);
        }

        if (!running.TryCancel(instanceId))
        {
            await executor.CancelAsync(tenantId, instanceId, cancellationToken).ConfigureAwait(false);
        }

        var after = await instances.GetAsync(tenantId, instanceId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(InstanceSummary.From(after!));
    }

    internal static async Task<Results<Accepted<InstanceSummary>, ProblemHttpResult>> RetryAsync(
        string tenantId, string instanceId, IWorkflowInstanceStore instances, InstanceExecutor executor, CancellationToken cancellationToken)
    {
        var instance = await instances.GetAsync(tenantId, instanceId, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return NotFound(instanceId);
        }

        if (instance.Status != StoredStatus.Faulted)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: $"instance {instanceId} is {instance.Status}; only faulted instances can be retried", type: ProblemTypes.Conflict);
        }

        await executor.RetryAsync(tenantId, instanceId, cancellationToken).ConfigureAwait(false);
        var after = await instances.GetAsync(tenantId, instanceId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted($"/api/tenants/{tenantId}/instances/{instanceId}", InstanceSummary.From(after!));
    }

    private static ProblemHttpResult NotFound(string instanceId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"instance '{instanceId}' was not found", type: ProblemTypes.NotFound);
}
