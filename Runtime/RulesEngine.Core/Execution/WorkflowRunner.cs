using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RulesEngine.Core.Expressions;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Core.Execution;

/// <summary>
/// The interpreter. It processes an instance's queue of work items until the queue is empty, an activity waits on a
/// bookmark, the instance faults or is cancelled. Everything it needs to continue lives in <see cref="WorkflowState"/>.
/// </summary>
public sealed partial class WorkflowRunner
{
    private readonly Dictionary<string, IExpressionHandler> _handlers;

    public WorkflowRunner(IServiceProvider services, TimeProvider time, IEnumerable<IExpressionHandler> handlers, IOptions<EngineOptions> options, ILogger<WorkflowRunner>? logger = null)
    {
        Services = services;
        Time = time;
        Options = options.Value;
        Logger = (ILogger?)logger ?? NullLogger.Instance;
        _handlers = handlers.ToDictionary(h => h.Type, StringComparer.OrdinalIgnoreCase);
    }

    internal IServiceProvider Services { get; }

    internal TimeProvider Time { get; }

    internal EngineOptions Options { get; }

    internal ILogger Logger { get; }

    internal IExpressionHandler? FindHandler(string type) => _handlers.GetValueOrDefault(type);

    /// <summary>Creates the initial state of a new instance (nothing runs yet).</summary>
    public WorkflowState CreateState(WorkflowBlueprint blueprint, StartOptions? options = null)
    {
        options ??= new StartOptions();
        var now = Time.GetUtcNow();
        var definition = blueprint.Definition;
        var state = new WorkflowState
        {
            // Time-ordered (version 7): new instances, their journal and inbox rows land at the end of their indexes
            // instead of on a random page each, which cut the pages a webhook run writes.
            InstanceId = options.InstanceId ?? Guid.CreateVersion7(now).ToString("n"),
            DefinitionId = definition.DefinitionId,
            DefinitionVersionId = definition.Id,
            Version = definition.Version,
            TenantId = options.TenantId ?? definition.TenantId,
            CorrelationId = options.CorrelationId,
            Trigger = options.Trigger,
            CreatedAt = now,
            UpdatedAt = now,
        };

        foreach (var variable in definition.Variables)
        {
            var type = blueprint.VariableTypes[variable.Name];
            state.Variables[variable.Name] = variable.Value is null ? null : WorkflowExecution.Normalize(ValueConverter.Convert(variable.Value, type), type);
        }

        foreach (var input in definition.Inputs)
        {
            object? value = null;
            if (options.Input is not null && options.Input.TryGetValue(input.Name, out var given))
            {
                value = given;
            }
            else if (input.DefaultValue is not null)
            {
                value = input.DefaultValue;
            }

            state.Input[input.Name] = value is null ? null : ValueConverter.Convert(value, TypeNames.Resolve(input.TypeName));
        }

        // Inputs the definition does not declare still reach scripts through the Input dictionary.
        foreach (var (name, value) in options.Input ?? new Dictionary<string, object?>())
        {
            state.Input.TryAdd(name, value);
        }

        var root = new ContextState { Id = "c0", ActivityId = blueprint.Root.Id, Status = ContextStatus.Scheduled };
        state.Contexts[root.Id] = root;
        state.Queue.Enqueue(new WorkItem { Kind = WorkItemKind.Execute, ContextId = root.Id });
        return state;
    }

    /// <summary>Starts a new instance and runs it until it finishes, suspends or faults.</summary>
    public Task<RunResult> StartAsync(WorkflowBlueprint blueprint, StartOptions? options = null, CancellationToken cancellationToken = default)
    {
        EnsureRunnable(blueprint);
        var state = CreateState(blueprint, options);
        return RunAsync(blueprint, state, options?.Mappings, cancellationToken);
    }

    /// <summary>Continues an instance from its state: its queued work (after a crash, or after <see cref="CreateState"/>).</summary>
    public async Task<RunResult> RunAsync(WorkflowBlueprint blueprint, WorkflowState state, MappingTables? mappings = null, CancellationToken cancellationToken = default, Checkpoint? checkpoint = null)
    {
        EnsureRunnable(blueprint);
        var execution = new WorkflowExecution(this, blueprint, state, mappings ?? MappingTables.Empty, cancellationToken) { Checkpoint = checkpoint };
        await RunLoopAsync(execution).ConfigureAwait(false);
        return new RunResult(state);
    }

    /// <summary>Resumes a bookmark of a suspended instance with a stimulus payload, then runs on.</summary>
    public async Task<RunResult> ResumeAsync(WorkflowBlueprint blueprint, WorkflowState state, string bookmarkId, System.Text.Json.Nodes.JsonNode? payload = null, MappingTables? mappings = null, CancellationToken cancellationToken = default, Checkpoint? checkpoint = null)
    {
        EnsureRunnable(blueprint);
        var bookmark = state.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId)
            ?? throw new InvalidOperationException($"instance {state.InstanceId} has no bookmark '{bookmarkId}'");
        var execution = new WorkflowExecution(this, blueprint, state, mappings ?? MappingTables.Empty, cancellationToken) { Checkpoint = checkpoint };
        state.Bookmarks.Remove(bookmark);
        state.Status = WorkflowStatus.Running;
        if (state.Contexts.TryGetValue(bookmark.ContextId, out var ctx) && blueprint.Nodes.TryGetValue(ctx.ActivityId, out var node) && node.Activity is not null)
        {
            var context = new ActivityContext(execution, ctx, node);
            var resumption = new BookmarkResumption(bookmark.Id, bookmark.Name, bookmark.Data, payload);
            await InvokeAsync(execution, context, (a, c, ct) => a.ResumeAsync(c, resumption, ct), evaluateInputs: true, autoComplete: true).ConfigureAwait(false);
        }

        if (state.Status == WorkflowStatus.Running)
        {
            await RunLoopAsync(execution).ConfigureAwait(false);
        }

        return new RunResult(state);
    }

    /// <summary>Runs a faulted instance again from the activity that faulted.</summary>
    public Task<RunResult> RetryAsync(WorkflowBlueprint blueprint, WorkflowState state, MappingTables? mappings = null, CancellationToken cancellationToken = default, Checkpoint? checkpoint = null)
    {
        if (state.Status != WorkflowStatus.Faulted || state.Fault?.ContextId is not { } contextId || !state.Contexts.TryGetValue(contextId, out var ctx))
        {
            throw new InvalidOperationException($"instance {state.InstanceId} is {state.Status}, not faulted at an activity; only faulted instances can be retried");
        }

        ctx.Status = ContextStatus.Scheduled;
        state.Fault = null;
        state.Status = WorkflowStatus.Running;
        state.Queue.Enqueue(new WorkItem { Kind = WorkItemKind.Execute, ContextId = contextId });
        return RunAsync(blueprint, state, mappings, cancellationToken, checkpoint);
    }

    /// <summary>Cancels an instance: nothing more runs and its bookmarks are dropped.</summary>
    public void Cancel(WorkflowState state)
    {
        lock (state.Gate)
        {
            state.Queue.Clear();
            state.Bookmarks.Clear();
            state.Contexts.Clear();
            state.Status = WorkflowStatus.Cancelled;
            state.UpdatedAt = Time.GetUtcNow();
        }
    }

    /// <summary>Whether the work item is an activity that is not instant (or runs in a parallel batch with others).</summary>
    private static bool NeedsCheckpointBefore(WorkflowExecution execution, WorkItem item)
    {
        if (item.Kind == WorkItemKind.ChildCompleted || !execution.State.Contexts.TryGetValue(item.ContextId, out var ctx))
        {
            return false;
        }

        return ctx.ParallelGroup is not null || execution.Blueprint.Nodes[ctx.ActivityId].Descriptor?.Instant != true;
    }

    private static void EnsureRunnable(WorkflowBlueprint blueprint)
    {
        if (!blueprint.IsRunnable)
        {
            throw new WorkflowInvalidException(blueprint.Problems.Where(p => p.IsError).ToList());
        }
    }

    private async Task RunLoopAsync(WorkflowExecution execution)
    {
        var state = execution.State;
        state.Status = WorkflowStatus.Running;
        var steps = 0;
        var checkpointOwed = false;
        var batch = new List<ActivityContext>();
        while (state.Status == WorkflowStatus.Running && state.Queue.Count > 0)
        {
            if (execution.CancellationToken.IsCancellationRequested)
            {
                state.Status = WorkflowStatus.Cancelled;
                break;
            }

            if (++steps > Options.MaxStepsPerRun)
            {
                Fail(execution, null, null, new InvalidOperationException($"the run exceeded {Options.MaxStepsPerRun} steps (an endless loop of activities?)"), null);
                break;
            }

            // A checkpoint owed by a side effect is written before the next activity that is not instant, with that
            // activity still in the queue (so a crash from here on runs it, and not the side effect, again).
            if (checkpointOwed && execution.Checkpoint is { } owed && NeedsCheckpointBefore(execution, state.Queue.Peek()))
            {
                await owed(state, execution.CancellationToken).ConfigureAwait(false);
                checkpointOwed = false;
            }

            var item = state.Queue.Dequeue();
            if (!state.Contexts.TryGetValue(item.ContextId, out var ctx))
            {
                continue; // cancelled meanwhile (e.g. by Elsa.End in another branch)
            }

            var node = execution.Blueprint.Nodes[ctx.ActivityId];
            if (item.Kind == WorkItemKind.ChildCompleted)
            {
                var context = new ActivityContext(execution, ctx, node);
                var child = new ChildCompletion(item.ChildActivityId!, item.ChildContextId!, item.Outcomes ?? [], item.ChildTag) { Terminated = item.Terminated };
                await InvokeAsync(execution, context, (a, c, ct) => a.OnChildCompletedAsync(c, child, ct), evaluateInputs: false, autoComplete: false, journal: false).ConfigureAwait(false);
                continue;
            }

            if (ctx.ParallelGroup is not null && state.Queue.Count > 0)
            {
                batch.Clear();
                batch.Add(new ActivityContext(execution, ctx, node));
                CollectParallelBatch(execution, ctx.ParallelGroup, batch);
                if (batch.Count > 1)
                {
                    await RunBatchAsync(execution, batch).ConfigureAwait(false);
                    continue;
                }
            }

            await InvokeAsync(execution, new ActivityContext(execution, ctx, node), (a, c, ct) => a.ExecuteAsync(c, ct), evaluateInputs: true, autoComplete: true).ConfigureAwait(false);

            // After an activity that may have had side effects, the host persists the state (before the next activity
            // that is not instant, or in the run's final save): a crash from then on continues after it instead of doing it again.
            if (node.Descriptor?.HasSideEffects == true)
            {
                checkpointOwed = true;
            }
        }

        if (state.Status == WorkflowStatus.Running)
        {
            // Nothing left to do: waiting on bookmarks, or done.
            if (state.Bookmarks.Count > 0)
            {
                state.Status = WorkflowStatus.Suspended;
            }
            else
            {
                state.Contexts.Clear();
                state.Status = WorkflowStatus.Finished;
            }
        }

        state.UpdatedAt = Time.GetUtcNow();
    }

    private static void CollectParallelBatch(WorkflowExecution execution, string group, List<ActivityContext> batch)
    {
        var state = execution.State;
        var degree = state.Contexts.TryGetValue(group, out var owner) && owner.Properties?.GetValueOrDefault("degree") is { } d
            ? Convert.ToInt32(d, CultureInfo.InvariantCulture)
            : 1;
        while (batch.Count < degree && state.Queue.TryPeek(out var next) && next.Kind == WorkItemKind.Execute
            && state.Contexts.TryGetValue(next.ContextId, out var nextCtx) && nextCtx.ParallelGroup == group)
        {
            state.Queue.Dequeue();
            batch.Add(new ActivityContext(execution, nextCtx, execution.Blueprint.Nodes[nextCtx.ActivityId]));
        }
    }

    /// <summary>Runs several iterations' activities of one ParallelForEach at once, so their I/O overlaps.</summary>
    private async Task RunBatchAsync(WorkflowExecution execution, List<ActivityContext> batch)
    {
        var tasks = new Task[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            tasks[i] = InvokeAsync(execution, batch[i], (a, c, ct) => a.ExecuteAsync(c, ct), evaluateInputs: true, autoComplete: true).AsTask();
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async ValueTask InvokeAsync(WorkflowExecution execution, ActivityContext context, Func<Activity, ActivityContext, CancellationToken, ValueTask> call, bool evaluateInputs, bool autoComplete, bool journal = true)
    {
        var state = execution.State;
        var node = context.Node;
        var startedAt = Time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        if (node.Activity is null)
        {
            Fail(execution, context, null, new InvalidOperationException($"activity type '{node.Node.Type}' is unknown and cannot run"), startedAt);
            return;
        }

        context.State.Status = ContextStatus.Running;
        execution.Current = context.State;
        try
        {
            if (evaluateInputs)
            {
                await context.EvaluateInputsAsync(execution.CancellationToken).ConfigureAwait(false);
            }

            await call(node.Activity, context, execution.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (execution.CancellationToken.IsCancellationRequested)
        {
            lock (state.Gate)
            {
                state.Status = WorkflowStatus.Cancelled;
            }

            return;
        }
        catch (Exception ex)
        {
            Fail(execution, context, Stopwatch.GetElapsedTime(started), ex, startedAt);
            return;
        }

        var duration = Stopwatch.GetElapsedTime(started);
        lock (state.Gate)
        {
            Apply(execution, context, autoComplete, journal, startedAt, duration);
        }
    }

    private void Apply(WorkflowExecution execution, ActivityContext context, bool autoComplete, bool journal, DateTimeOffset startedAt, TimeSpan duration)
    {
        var state = execution.State;
        var ctx = context.State;
        JournalEntry? entry = null;
        if (journal)
        {
            entry = new JournalEntry
            {
                Sequence = ++state.JournalSequence,
                ActivityId = context.ActivityId,
                ActivityType = context.ActivityType,
                ActivityName = context.ActivityName,
                StartedAt = startedAt,
                DurationMs = duration.TotalMilliseconds,
                Inputs = context.JournalInputs,
                Outputs = context.JournalOutputs,
            };
            state.Journal.Add(entry);
        }

        if (context.FinishWorkflowRequested)
        {
            entry?.Outcomes.AddRange(context.CompletedOutcomes);
            state.Queue.Clear();
            state.Bookmarks.Clear();
            state.Contexts.Clear();
            state.Status = WorkflowStatus.Finished;
            return;
        }

        if (context.CancelChildrenRequested)
        {
            CancelDescendants(state, ctx.Id);
        }

        if (context.BreakRequested && FindLoop(execution, ctx) is { } loop)
        {
            entry?.Outcomes.AddRange(context.CompletedOutcomes);
            CancelDescendants(state, loop.Id);
            CompleteContext(execution, loop, DoneOutcome, terminated: false);
            return;
        }

        if (context.EndParentRequested)
        {
            entry?.Outcomes.AddRange(context.CompletedOutcomes);
            RemoveContext(state, ctx.Id);
            if (ctx.ParentId is { } parentId && state.Contexts.TryGetValue(parentId, out var parent))
            {
                CancelDescendants(state, parent.Id);
                CompleteContext(execution, parent, context.CompletedOutcomes, terminated: true);
            }
            else
            {
                state.Outcomes = [.. context.CompletedOutcomes];
                state.Status = WorkflowStatus.Finished;
            }

            return;
        }

        if (context.ReplaceBookmarksRequested)
        {
            state.Bookmarks.RemoveAll(b => b.ContextId == ctx.Id);
        }

        if (context.Bookmarks.Count > 0)
        {
            ctx.Status = ContextStatus.Suspended;
            if (entry is not null)
            {
                entry.Status = "Suspended";
            }

            foreach (var request in context.Bookmarks)
            {
                state.Bookmarks.Add(new BookmarkState
                {
                    Id = execution.NewId("b"),
                    ContextId = ctx.Id,
                    ActivityId = ctx.ActivityId,
                    Name = request.Name,
                    Key = request.Key,
                    CorrelationId = request.CorrelationId ?? state.CorrelationId,
                    ResumeAt = request.ResumeAt,
                    Data = request.Data,
                });
            }

            return;
        }

        if (context.Completed || (autoComplete && context.ScheduledChildren == 0 && !HasChildren(state, ctx.Id)))
        {
            entry?.Outcomes.AddRange(context.CompletedOutcomes);
            CompleteContext(execution, ctx, context.CompletedOutcomes, terminated: false);
        }
        else if (entry is not null)
        {
            entry.Status = "Started";
            ctx.JournalSequence = entry.Sequence;
        }
    }

    private static readonly string[] DoneOutcome = ["Done"];

    private static readonly HashSet<string> LoopTypes = new(StringComparer.Ordinal) { "Elsa.ForEach", "Elsa.ParallelForEach", "Elsa.While", "Elsa.For" };

    /// <summary>The nearest ancestor context whose activity is a loop (for Elsa.Break).</summary>
    private static ContextState? FindLoop(WorkflowExecution execution, ContextState ctx)
    {
        var state = execution.State;
        var parentId = ctx.ParentId;
        while (parentId is not null && state.Contexts.TryGetValue(parentId, out var parent))
        {
            if (execution.Blueprint.Nodes.TryGetValue(parent.ActivityId, out var node)
                && (node.Activity is ILoopActivity || LoopTypes.Contains(node.Node.Type)))
            {
                return parent;
            }

            parentId = parent.ParentId;
        }

        return null;
    }

    private static bool HasChildren(WorkflowState state, string contextId)
    {
        foreach (var c in state.Contexts.Values)
        {
            if (c.ParentId == contextId)
            {
                return true;
            }
        }

        return false;
    }

    private static void CompleteContext(WorkflowExecution execution, ContextState ctx, IReadOnlyList<string> outcomes, bool terminated)
    {
        var state = execution.State;
        RemoveContext(state, ctx.Id);
        if (ctx.JournalSequence is { } sequence && state.Journal.FindLast(e => e.Sequence == sequence) is { } started)
        {
            // A container's entry spans its whole run.
            started.Status = "Completed";
            started.Outcomes.AddRange(outcomes);
            started.DurationMs = (execution.Time.GetUtcNow() - started.StartedAt).TotalMilliseconds;
        }

        if (ctx.ParentId is null)
        {
            // The root completed: the workflow is done.
            state.Outcomes = [.. outcomes];
            state.Queue.Clear();
            state.Bookmarks.Clear();
            state.Contexts.Clear();
            state.Status = WorkflowStatus.Finished;
            return;
        }

        state.Queue.Enqueue(new WorkItem
        {
            Kind = WorkItemKind.ChildCompleted,
            ContextId = ctx.ParentId,
            ChildContextId = ctx.Id,
            ChildActivityId = ctx.ActivityId,
            ChildTag = ctx.Tag,
            Outcomes = [.. outcomes],
            Terminated = terminated,
        });
    }

    private static void RemoveContext(WorkflowState state, string contextId)
    {
        state.Contexts.Remove(contextId);
        state.Bookmarks.RemoveAll(b => b.ContextId == contextId);
    }

    private static void CancelDescendants(WorkflowState state, string ancestorId)
    {
        var doomed = new List<string>();
        foreach (var c in state.Contexts.Values)
        {
            var parent = c.ParentId;
            while (parent is not null)
            {
                if (parent == ancestorId)
                {
                    doomed.Add(c.Id);
                    break;
                }

                parent = state.Contexts.TryGetValue(parent, out var p) ? p.ParentId : null;
            }
        }

        foreach (var id in doomed)
        {
            RemoveContext(state, id);
        }
    }

    private void Fail(WorkflowExecution execution, ActivityContext? context, TimeSpan? duration, Exception exception, DateTimeOffset? startedAt)
    {
        var state = execution.State;
        lock (state.Gate)
        {
            var message = exception is ActivityInputException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
            if (context is not null)
            {
                context.State.Status = ContextStatus.Faulted;
                state.Journal.Add(new JournalEntry
                {
                    Sequence = ++state.JournalSequence,
                    ActivityId = context.ActivityId,
                    ActivityType = context.ActivityType,
                    ActivityName = context.ActivityName,
                    Status = "Faulted",
                    StartedAt = startedAt ?? Time.GetUtcNow(),
                    DurationMs = duration?.TotalMilliseconds ?? 0,
                    Error = message,
                    Inputs = context.JournalInputs,
                    Outputs = context.JournalOutputs,
                });
            }

            if (state.Fault is not null)
            {
                return; // the first fault of a parallel batch is the one reported
            }

            state.Fault = new WorkflowFault
            {
                Message = message,
                ActivityId = context?.ActivityId,
                ActivityType = context?.ActivityType,
                ActivityName = context?.ActivityName,
                ContextId = context?.State.Id,
                ExceptionType = exception.GetType().FullName,
                Code = (exception as IHasErrorCode)?.ErrorCode,
            };
            state.Status = WorkflowStatus.Faulted;
        }

        LogActivityFaulted(Logger, state.TenantId ?? string.Empty, state.DefinitionId, state.Version, state.InstanceId, context?.ActivityId ?? "-", exception.Message);
    }

    [LoggerMessage(EventId = 1001, EventName = "ActivityFaulted", Level = LogLevel.Warning,
        Message = "Activity {ActivityId} faulted in instance {InstanceId} of {DefinitionId} v{Version} (tenant {TenantId}): {Error}")]
    private static partial void LogActivityFaulted(ILogger logger, string tenantId, string definitionId, int version, string instanceId, string activityId, string error);
}
