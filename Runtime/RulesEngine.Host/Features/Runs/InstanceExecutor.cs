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
using RulesEngine.Host.Infrastructure.Telemetry;
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
    IMappingTableStore mappings,
    BlueprintCache blueprints,
    WorkflowRunner runner,
    RunningInstances running,
    RulesEngineMetrics metrics,
    TimeProvider time,
    IOptions<RunsOptions> options,
    ILogger<InstanceExecutor> logger)
{
    private string Node => options.Value.NodeId;

    /// <summary>Creates a new instance of the published version; its lease is held by this node until a worker runs it.</summary>
    public async Task<string> CreateAsync(string tenantId, string definitionId, RunRequest request, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(tenantId, definitionId, request, cancellationToken).ConfigureAwait(false);
        await StoreAsync(prepared, cancellationToken).ConfigureAwait(false);
        return prepared.InstanceId;
    }

    /// <summary>Stores a prepared instance (leased by this node).</summary>
    public async Task StoreAsync(PreparedRun prepared, CancellationToken cancellationToken)
    {
        await instances.CreateAsync(prepared.Instance, cancellationToken).ConfigureAwait(false);
        Created(prepared);
    }

    /// <summary>Builds a new instance of the published version in memory. Throws <see cref="WorkflowNotRunnableException"/>.</summary>
    public async Task<PreparedRun> PrepareAsync(string tenantId, string definitionId, RunRequest request, CancellationToken cancellationToken)
    {
        var published = await definitions.GetPublishedVersionAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkflowNotRunnableException(await definitions.GetAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false) is null
                ? $"workflow '{definitionId}' does not exist"
                : $"workflow '{definitionId}' has no published version");
        return Prepare(tenantId, published, request);
    }

    /// <summary>Builds a new instance of <paramref name="published"/> in memory, leased by this node. Throws <see cref="WorkflowNotRunnableException"/>.</summary>
    public PreparedRun Prepare(string tenantId, WorkflowVersion published, RunRequest request)
    {
        var blueprint = blueprints.Get(tenantId, published);
        if (!blueprint.IsRunnable)
        {
            throw new WorkflowNotRunnableException($"workflow '{published.DefinitionId}' v{published.Version} has errors: {string.Join("; ", blueprint.Problems.Where(p => p.IsError))}");
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
        var instance = new WorkflowInstance
        {
            Id = state.InstanceId,
            TenantId = tenantId,
            DefinitionId = published.DefinitionId,
            Version = published.Version,
            Status = StoredStatus.Running,
            CorrelationId = state.CorrelationId,
            StateJson = state.Serialize(),
            CreatedAt = now,
            UpdatedAt = now,
            LeaseOwner = Node,
            LeaseExpiresAt = now + options.Value.Lease,
            TriggerKind = request.TriggerKind,
        };
        return new PreparedRun(tenantId, published, blueprint, state, instance, request.TriggerKind);
    }

    /// <summary>Records that a prepared instance has been stored (log and metrics).</summary>
    public void Created(PreparedRun prepared)
    {
        metrics.RunStarted(prepared.TenantId, prepared.Version.DefinitionId, prepared.TriggerKind);
        LogInstanceCreated(logger, prepared.TenantId, prepared.Version.DefinitionId, prepared.Version.Version, prepared.InstanceId, prepared.TriggerKind);
    }

    /// <summary>
    /// Runs an instance this node has just stored (and so still leases) from its in-memory state: no lease, state or
    /// version round trips. Null when it already runs here.
    /// </summary>
    public async Task<WorkflowState?> RunCreatedAsync(PreparedRun prepared, CancellationToken cancellationToken)
    {
        using var cts = running.TryRegister(prepared.InstanceId, cancellationToken);
        if (cts is null)
        {
            return null;
        }

        var run = new ActiveRun(prepared.TenantId, prepared.Version.DefinitionId, prepared.Version.Version, prepared.InstanceId, BookmarksStored: false);
        try
        {
            return await ExecuteAsync(run, prepared.Blueprint, prepared.State, Continue, cts).ConfigureAwait(false);
        }
        finally
        {
            running.Unregister(prepared.InstanceId);
            if (!run.Released)
            {
                await instances.ReleaseLeaseAsync(run.TenantId, run.InstanceId, Node, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private Task<RunResult> Continue(WorkflowBlueprint blueprint, WorkflowState state, MappingTables tables, Checkpoint? save, CancellationToken cancellationToken) =>
        state.Status == CoreStatus.Running
            ? runner.RunAsync(blueprint, state, tables, cancellationToken, save)
            : Task.FromResult(new RunResult(state));

    /// <summary>Continues an instance from its stored state (new, or left by a crashed node). Null when another node holds it.</summary>
    public Task<WorkflowState?> ContinueAsync(string tenantId, string instanceId, CancellationToken cancellationToken) =>
        WithInstanceAsync(tenantId, instanceId, Continue, cancellationToken);

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

        ActiveRun? run = null;
        var leased = false;
        try
        {
            if (!await instances.TryAcquireLeaseAsync(tenantId, instanceId, Node, options.Value.Lease, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            leased = true;
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
            run = new ActiveRun(tenantId, instance.DefinitionId, instance.Version, instanceId, BookmarksStored: state.Bookmarks.Count > 0);
            return await ExecuteAsync(run, blueprints.Get(tenantId, version), state, action, cts).ConfigureAwait(false);
        }
        finally
        {
            running.Unregister(instanceId);
            if (leased && run?.Released != true)
            {
                await instances.ReleaseLeaseAsync(tenantId, instanceId, Node, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Lets the interpreter work on a leased instance, saving at checkpoints and at the end (which releases the lease).</summary>
    private async Task<WorkflowState> ExecuteAsync(
        ActiveRun run,
        WorkflowBlueprint blueprint,
        WorkflowState state,
        Func<WorkflowBlueprint, WorkflowState, MappingTables, Checkpoint?, CancellationToken, Task<RunResult>> action,
        CancellationTokenSource cts)
    {
        using var scope = logger.BeginScope(new RunLogScope(run.TenantId, run.DefinitionId, run.Version, run.InstanceId));
        using var heartbeat = StartHeartbeat(run.TenantId, run.InstanceId, cts.Token);
        var started = time.GetTimestamp();
        var tables = new MappingTables(await mappings.LoadAllAsync(run.TenantId, cts.Token).ConfigureAwait(false));

        RunResult result;
        try
        {
            Checkpoint? save = options.Value.Checkpoints ? (s, ct) => new ValueTask(SaveAsync(run, s, release: false, ct)) : null;
            result = await action(blueprint, state, tables, save, cts.Token).ConfigureAwait(false);
        }
        catch (WorkflowInvalidException ex)
        {
            state.Status = CoreStatus.Faulted;
            state.Fault = new WorkflowFault { Message = ex.Message };
            result = new RunResult(state);
        }

        await SaveAsync(run, result.State, release: true, CancellationToken.None).ConfigureAwait(false);
        metrics.RunEnded(run.TenantId, run.DefinitionId, result.State.Status, time.GetElapsedTime(started));
        LogInstanceRan(logger, run.TenantId, run.DefinitionId, run.Version, run.InstanceId, result.Status.ToString());
        return result.State;
    }

    /// <summary>
    /// Writes the journal entries the run produced, the bookmarks it waits on, and the state, in one transaction
    /// (releasing the lease at the end of the run).
    /// </summary>
    private async Task SaveAsync(ActiveRun run, WorkflowState state, bool release, CancellationToken cancellationToken)
    {
        var entries = state.Journal.Count == 0 ? [] : state.Journal.Select(e => new JournalEntry
        {
            TenantId = run.TenantId,
            InstanceId = state.InstanceId,
            DefinitionId = run.DefinitionId,
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

        // The journal goes to its own rows, not into the stored state (a continued run would write it again).
        state.Journal.Clear();
        var now = time.GetUtcNow();
        var waits = state.Bookmarks.Select(b => new Bookmark
        {
            Id = state.InstanceId + ":" + b.Id,
            TenantId = run.TenantId,
            InstanceId = state.InstanceId,
            ActivityId = b.ActivityId,
            Name = b.Name,
            Hash = b.Key is null ? null : PayloadHash.Compute(b.Key),
            PayloadJson = b.Data?.ToJsonString(),
            ResumeAt = b.ResumeAt,
            CorrelationId = b.CorrelationId,
            CreatedAt = now,
        }).ToList();

        var saved = await instances.SaveProgressAsync(run.TenantId, state.InstanceId, Node, new InstanceProgress
        {
            Update = new WorkflowInstanceUpdate
            {
                Status = (StoredStatus)(int)state.Status,
                StateJson = state.Serialize(),
                Error = state.Fault?.Message,
                CorrelationId = state.CorrelationId,
            },
            Journal = entries,
            ReplaceBookmarks = run.BookmarksStored || waits.Count > 0,
            Bookmarks = waits,
            ReleaseLease = release,
        }, cancellationToken).ConfigureAwait(false);
        if (!saved)
        {
            LogLeaseLost(logger, run.TenantId, run.DefinitionId, run.Version, run.InstanceId);
            return;
        }

        run.BookmarksStored = waits.Count > 0;
        run.Released |= release;
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

    [LoggerMessage(EventId = 3003, EventName = "InstanceLeaseLost", Level = LogLevel.Warning,
        Message = "Instance {InstanceId} of {DefinitionId} v{Version} (tenant {TenantId}) lost its lease; its state was not saved here")]
    private static partial void LogLeaseLost(ILogger logger, string tenantId, string definitionId, int version, string instanceId);

    /// <summary>The run being executed: what its saves need to know.</summary>
    private sealed record ActiveRun(string TenantId, string DefinitionId, int Version, string InstanceId, bool BookmarksStored)
    {
        public bool BookmarksStored { get; set; } = BookmarksStored;

        public bool Released { get; set; }
    }

    [LoggerMessage(EventId = 3002, EventName = "InstanceRan", Level = LogLevel.Information,
        Message = "Instance {InstanceId} of {DefinitionId} v{Version} (tenant {TenantId}) is {Status}")]
    private static partial void LogInstanceRan(ILogger logger, string tenantId, string definitionId, int version, string instanceId, string status);
}
