using System.Text.Json;
using Microsoft.Extensions.Options;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Expressions;
using RulesEngine.Persistence.Bookmarks;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Journal;
using JournalEntry = RulesEngine.Persistence.Journal.JournalEntry;
using RulesEngine.Persistence.Mappings;
using RulesEngine.Persistence.Workflows;
using CoreStatus = RulesEngine.Core.Execution.WorkflowStatus;
using StoredStatus = RulesEngine.Persistence.Instances.WorkflowStatus;

namespace RulesEngine.Host.Features.Runs;

/// <summary>
/// Runs one instance durably: takes its lease, loads its state and version, lets the interpreter work, then writes
/// state, journal and bookmarks back and releases the lease. Nothing is acknowledged before the instance row exists.
/// </summary>
internal sealed partial class InstanceExecutor(
    IWorkflowDefinitionStore definitions,
    IWorkflowInstanceStore instances,
    IJournalStore journal,
    IBookmarkStore bookmarks,
    IMappingTableStore mappings,
    BlueprintCache blueprints,
    WorkflowRunner runner,
    RunningInstances running,
    TimeProvider time,
    IOptions<RunsOptions> options,
    ILogger<InstanceExecutor> logger)
{
    private string Node => options.Value.NodeId;

    /// <summary>Creates a new instance of the published version; its lease is held by this node until a worker runs it.</summary>
    public async Task<string> CreateAsync(string tenantId, string definitionId, RunRequest request, CancellationToken cancellationToken)
    {
        var published = await definitions.GetPublishedVersionAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkflowNotRunnableException(await definitions.GetAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false) is null
                ? $"workflow '{definitionId}' does not exist"
                : $"workflow '{definitionId}' has no published version");
        var blueprint = blueprints.Get(tenantId, published);
        if (!blueprint.IsRunnable)
        {
            throw new WorkflowNotRunnableException($"workflow '{definitionId}' v{published.Version} has errors: {string.Join("; ", blueprint.Problems.Where(p => p.IsError))}");
        }

        var state = runner.CreateState(blueprint, new StartOptions
        {
            TenantId = tenantId,
            CorrelationId = request.CorrelationId,
            Input = request.Input,
            Trigger = new TriggerState
            {
                Body = request.Body,
                Headers = request.Headers?.ToDictionary(StringComparer.OrdinalIgnoreCase),
                Query = request.Query?.ToDictionary(StringComparer.Ordinal),
                ActivityId = request.TriggerActivityId,
            },
        });
        var now = time.GetUtcNow();
        await instances.CreateAsync(new WorkflowInstance
        {
            Id = state.InstanceId,
            TenantId = tenantId,
            DefinitionId = definitionId,
            Version = published.Version,
            Status = StoredStatus.Running,
            CorrelationId = state.CorrelationId,
            StateJson = state.Serialize(),
            CreatedAt = now,
            UpdatedAt = now,
            LeaseOwner = Node,
            LeaseExpiresAt = now + options.Value.Lease,
            TriggerKind = request.TriggerKind,
        }, cancellationToken).ConfigureAwait(false);
        LogInstanceCreated(logger, tenantId, definitionId, published.Version, state.InstanceId, request.TriggerKind);
        return state.InstanceId;
    }

    /// <summary>Continues an instance from its stored state (new, or left by a crashed node). Null when another node holds it.</summary>
    public Task<WorkflowState?> ContinueAsync(string tenantId, string instanceId, CancellationToken cancellationToken) =>
        WithInstanceAsync(tenantId, instanceId, (bp, state, maps, save, ct) => state.Status == CoreStatus.Running
            ? runner.RunAsync(bp, state, maps, ct, save)
            : Task.FromResult(new RunResult(state)), cancellationToken);

    /// <summary>Resumes one bookmark (timer, event, callback). False when the instance is busy elsewhere or the bookmark is gone.</summary>
    public async Task<WorkflowState?> ResumeAsync(string tenantId, string instanceId, string bookmarkId, System.Text.Json.Nodes.JsonNode? payload, CancellationToken cancellationToken) =>
        await WithInstanceAsync(tenantId, instanceId, async (bp, state, maps, save, ct) =>
        {
            if (state.Bookmarks.All(b => b.Id != bookmarkId))
            {
                return new RunResult(state);
            }

            return await runner.ResumeAsync(bp, state, bookmarkId, payload, maps, ct, save).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Runs a faulted instance again from the activity that faulted.</summary>
    public Task<WorkflowState?> RetryAsync(string tenantId, string instanceId, CancellationToken cancellationToken) =>
        WithInstanceAsync(tenantId, instanceId, (bp, state, maps, save, ct) => runner.RetryAsync(bp, state, maps, ct, save), cancellationToken);

    /// <summary>Cancels a suspended or faulted instance (a running one is stopped through <see cref="RunningInstances"/>).</summary>
    public Task<WorkflowState?> CancelAsync(string tenantId, string instanceId, CancellationToken cancellationToken) =>
        WithInstanceAsync(tenantId, instanceId, (_, state, _, _, _) =>
        {
            runner.Cancel(state);
            return Task.FromResult(new RunResult(state));
        }, cancellationToken);

    private async Task<WorkflowState?> WithInstanceAsync(
        string tenantId,
        string instanceId,
        Func<WorkflowBlueprint, WorkflowState, MappingTables, Checkpoint?, CancellationToken, Task<RunResult>> action,
        CancellationToken cancellationToken)
    {
        // One run per instance in this process (the lease lets the same node in again, so it is checked here too).
        using var cts = running.TryRegister(instanceId, cancellationToken);
        if (cts is null)
        {
            return null;
        }

        if (!await instances.TryAcquireLeaseAsync(tenantId, instanceId, Node, options.Value.Lease, cancellationToken).ConfigureAwait(false))
        {
            running.Unregister(instanceId);
            return null;
        }

        using var heartbeat = StartHeartbeat(tenantId, instanceId, cts.Token);
        try
        {
            var instance = await instances.GetAsync(tenantId, instanceId, cancellationToken).ConfigureAwait(false);
            if (instance?.StateJson is null)
            {
                return null;
            }

            WorkflowState state;
            try
            {
                state = WorkflowState.Deserialize(instance.StateJson);
            }
            catch (JsonException ex)
            {
                // Unreadable state cannot be continued: fault it once instead of failing on every recovery pass.
                await instances.UpdateAsync(tenantId, instanceId, Node, new WorkflowInstanceUpdate
                {
                    Status = StoredStatus.Faulted,
                    Error = $"the stored state cannot be read: {ex.Message}",
                }, CancellationToken.None).ConfigureAwait(false);
                return null;
            }

            var version = await definitions.GetVersionAsync(tenantId, instance.DefinitionId, instance.Version, cancellationToken).ConfigureAwait(false)
                ?? throw new WorkflowNotRunnableException($"version {instance.Version} of '{instance.DefinitionId}' no longer exists");
            var blueprint = blueprints.Get(tenantId, version);
            var tables = new MappingTables(await mappings.LoadAllAsync(tenantId, cancellationToken).ConfigureAwait(false));

            RunResult result;
            try
            {
                Checkpoint? save = options.Value.Checkpoints ? (s, ct) => new ValueTask(SaveAsync(tenantId, instance.DefinitionId, s, ct)) : null;
                result = await action(blueprint, state, tables, save, cts.Token).ConfigureAwait(false);
            }
            catch (WorkflowInvalidException ex)
            {
                state.Status = CoreStatus.Faulted;
                state.Fault = new WorkflowFault { Message = ex.Message };
                result = new RunResult(state);
            }

            await SaveAsync(tenantId, instance.DefinitionId, result.State, CancellationToken.None).ConfigureAwait(false);
            LogInstanceRan(logger, tenantId, instance.DefinitionId, instance.Version, instanceId, result.Status.ToString());
            return result.State;
        }
        finally
        {
            running.Unregister(instanceId);
            await instances.ReleaseLeaseAsync(tenantId, instanceId, Node, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the journal entries the run produced, the bookmarks it waits on, and the state.</summary>
    private async Task SaveAsync(string tenantId, string definitionId, WorkflowState state, CancellationToken cancellationToken)
    {
        if (state.Journal.Count > 0)
        {
            var entries = state.Journal.Select(e => new JournalEntry
            {
                TenantId = tenantId,
                InstanceId = state.InstanceId,
                DefinitionId = definitionId,
                Sequence = (int)e.Sequence,
                ActivityId = e.ActivityId,
                ActivityType = e.ActivityType,
                ActivityName = e.ActivityName,
                Outcomes = JsonSerializer.Serialize(e.Outcomes, EngineJson.Options),
                StartedAt = e.StartedAt,
                DurationMs = (long)Math.Round(e.DurationMs),
                Error = e.Error,
                InputsJson = e.Inputs is null ? null : JsonSerializer.Serialize(e.Inputs, EngineJson.Options),
                OutputsJson = e.Outputs is null ? null : JsonSerializer.Serialize(e.Outputs, EngineJson.Options),
            }).ToList();
            await journal.AppendAsync(tenantId, entries, cancellationToken).ConfigureAwait(false);
            state.Journal.Clear();
        }

        await bookmarks.DeleteByInstanceAsync(tenantId, state.InstanceId, cancellationToken).ConfigureAwait(false);
        if (state.Bookmarks.Count > 0)
        {
            var now = time.GetUtcNow();
            await bookmarks.AddAsync(state.Bookmarks.Select(b => new Bookmark
            {
                Id = state.InstanceId + ":" + b.Id,
                TenantId = tenantId,
                InstanceId = state.InstanceId,
                ActivityId = b.ActivityId,
                Name = b.Name,
                Hash = b.Key is null ? null : PayloadHash.Compute(b.Key),
                PayloadJson = b.Data?.ToJsonString(),
                ResumeAt = b.ResumeAt,
                CorrelationId = b.CorrelationId,
                CreatedAt = now,
            }).ToList(), cancellationToken).ConfigureAwait(false);
        }

        await instances.UpdateAsync(tenantId, state.InstanceId, Node, new WorkflowInstanceUpdate
        {
            Status = (StoredStatus)(int)state.Status,
            StateJson = state.Serialize(),
            Error = state.Fault?.Message,
            CorrelationId = state.CorrelationId,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Keeps the lease alive while a long run is in progress, so no other node takes the instance over.</summary>
    private IDisposable StartHeartbeat(string tenantId, string instanceId, CancellationToken cancellationToken)
    {
        var period = options.Value.Lease / 3;
        var timer = new PeriodicTimer(period, time);
        _ = Task.Run(async () =>
        {
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    await instances.TryAcquireLeaseAsync(tenantId, instanceId, Node, options.Value.Lease, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // The run ended.
            }
        }, CancellationToken.None);
        return timer;
    }

    [LoggerMessage(EventId = 3001, EventName = "InstanceCreated", Level = LogLevel.Information,
        Message = "Instance {InstanceId} of {DefinitionId} v{Version} created for tenant {TenantId} by {TriggerKind}")]
    private static partial void LogInstanceCreated(ILogger logger, string tenantId, string definitionId, int version, string instanceId, string triggerKind);

    [LoggerMessage(EventId = 3002, EventName = "InstanceRan", Level = LogLevel.Information,
        Message = "Instance {InstanceId} of {DefinitionId} v{Version} (tenant {TenantId}) is {Status}")]
    private static partial void LogInstanceRan(ILogger logger, string tenantId, string definitionId, int version, string instanceId, string status);
}
