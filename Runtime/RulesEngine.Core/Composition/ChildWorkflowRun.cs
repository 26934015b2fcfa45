using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Core.Composition;

/// <summary>
/// Runs a child workflow in-process, nested in the activity that called it. When the child finishes, the caller maps
/// its outputs. When it suspends, its state is kept in the calling activity's context and the activity waits on copies
/// of the child's bookmarks (same name, key, correlation and due time), so whatever resumes bookmarks in the runtime
/// (events, timers, HTTP callbacks) resumes the child through its parent, with nothing extra to persist.
/// </summary>
internal static class ChildWorkflowRun
{
    /// <summary>Deeper nesting than this is a workflow calling itself, directly or through others.</summary>
    public const int MaxDepth = 16;

    private const string StateKey = "childState";
    private const string DefinitionKey = "childDefinitionId";
    private const string VersionKey = "childVersion";
    private const string ChildBookmarkKey = "childBookmarkId";

    private static readonly AsyncLocal<int> Depth = new();

    public static IWorkflowDefinitionSource Source(ActivityContext context) =>
        context.Services.GetService<IWorkflowDefinitionSource>()
        ?? throw new InvalidOperationException("child workflows need a workflow source: run them in the host, or with `rulesengine run` beside the child's file");

    /// <summary>Finds the child: the given version (pinned) when it exists, else the published version.</summary>
    public static async ValueTask<WorkflowBlueprint> ResolveAsync(ActivityContext context, string definitionId, int? pinnedVersion, CancellationToken cancellationToken)
    {
        var source = Source(context);
        var blueprint = (pinnedVersion is { } v ? await source.FindAsync(context.TenantId, definitionId, v, cancellationToken).ConfigureAwait(false) : null)
            ?? await source.FindAsync(context.TenantId, definitionId, null, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException(pinnedVersion is { } p
                ? $"workflow '{definitionId}' has neither version {p} nor a published version"
                : $"workflow '{definitionId}' has no published version");
        if (!blueprint.IsRunnable)
        {
            throw new InvalidOperationException($"child workflow '{definitionId}' v{blueprint.Definition.Version} cannot run: {string.Join("; ", blueprint.Problems.Where(p => p.IsError))}");
        }

        return blueprint;
    }

    /// <summary>Starts the child and runs it until it finishes, suspends or faults.</summary>
    public static async Task<RunResult> StartAsync(ActivityContext context, WorkflowBlueprint child, IReadOnlyDictionary<string, object?> input, string? correlationId, CancellationToken cancellationToken)
    {
        var runner = context.Services.GetRequiredService<WorkflowRunner>();
        return await NestAsync(child, () => runner.StartAsync(child, new StartOptions
        {
            TenantId = string.IsNullOrEmpty(context.TenantId) ? null : context.TenantId,
            CorrelationId = correlationId,
            Input = input,
            Mappings = context.Mappings,
        }, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// After a run of the child: true when it finished (the caller maps outputs and completes). A suspended child is
    /// parked in the context with its bookmarks copied onto the activity; a faulted one faults the activity.
    /// </summary>
    public static bool Settle(ActivityContext context, WorkflowBlueprint child, RunResult result)
    {
        var state = result.State;
        switch (state.Status)
        {
            case WorkflowStatus.Finished:
                context.SetProperty(StateKey, null);
                return true;
            case WorkflowStatus.Suspended:
                context.SetProperty(StateKey, state.Serialize());
                context.SetProperty(DefinitionKey, child.Definition.DefinitionId);
                context.SetProperty(VersionKey, child.Definition.Version);
                context.ReplaceBookmarks();
                foreach (var b in state.Bookmarks)
                {
                    context.CreateBookmark(new BookmarkRequest(b.Name)
                    {
                        Key = b.Key,
                        ResumeAt = b.ResumeAt,
                        CorrelationId = b.CorrelationId,
                        Data = new JsonObject { [ChildBookmarkKey] = b.Id, ["data"] = b.Data?.DeepClone() },
                    });
                }

                return false;
            case WorkflowStatus.Faulted:
                var fault = state.Fault;
                throw new InvalidOperationException($"child workflow '{child.Definition.DefinitionId}' v{child.Definition.Version} faulted"
                    + (fault?.ActivityId is { } at ? $" at activity '{at}'" : string.Empty) + $": {fault?.Message}");
            default:
                throw new InvalidOperationException($"child workflow '{child.Definition.DefinitionId}' v{child.Definition.Version} ended {state.Status}");
        }
    }

    /// <summary>Resumes the parked child through the bookmark copy that was resumed; null when there is no parked child.</summary>
    private static async Task<(WorkflowBlueprint Child, RunResult Result)?> ResumeAsync(ActivityContext context, BookmarkResumption resumption, CancellationToken cancellationToken)
    {
        var json = context.GetProperty<string>(StateKey);
        var definitionId = context.GetProperty<string>(DefinitionKey);
        var childBookmark = resumption.Data?[ChildBookmarkKey]?.GetValue<string>();
        if (json is null || definitionId is null || childBookmark is null)
        {
            return null;
        }

        var version = context.GetProperty<int>(VersionKey);
        var child = await Source(context).FindAsync(context.TenantId, definitionId, version, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"version {version} of child workflow '{definitionId}' no longer exists");
        var state = WorkflowState.Deserialize(json);
        var runner = context.Services.GetRequiredService<WorkflowRunner>();
        var result = await NestAsync(child, () => runner.ResumeAsync(child, state, childBookmark, resumption.Payload, context.Mappings, cancellationToken)).ConfigureAwait(false);
        return (child, result);
    }

    /// <summary>
    /// The resume of an activity that runs a child: the child goes on and <paramref name="finish"/> takes its result; a
    /// resumption that is not the child's (no child state on the activity) completes the activity.
    /// </summary>
    public static async ValueTask ResumeAndFinishAsync(ActivityContext context, BookmarkResumption resumption, Action<ActivityContext, WorkflowBlueprint, RunResult> finish, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finish);
        if (await ResumeAsync(context, resumption, cancellationToken).ConfigureAwait(false) is { } resumed)
        {
            finish(context, resumed.Child, resumed.Result);
        }
        else
        {
            context.Complete();
        }
    }

    /// <summary>The child's outputs as one JSON object (ExecuteWorkflow's Result).</summary>
    public static JsonObject OutputsOf(WorkflowState state)
    {
        var o = new JsonObject();
        foreach (var (name, value) in state.Output)
        {
            o[name] = ValueConverter.ToNode(value);
        }

        return o;
    }

    private static async Task<RunResult> NestAsync(WorkflowBlueprint child, Func<Task<RunResult>> run)
    {
        if (Depth.Value >= MaxDepth)
        {
            throw new InvalidOperationException($"child workflows are nested more than {MaxDepth} deep at '{child.Definition.DefinitionId}' (a workflow calling itself?)");
        }

        Depth.Value++;
        try
        {
            return await run().ConfigureAwait(false);
        }
        finally
        {
            Depth.Value--;
        }
    }
}
