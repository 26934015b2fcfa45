using System.Text.Json.Nodes;
using RulesEngine.Core.Descriptors;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Model;
using RulesEngine.Core.Sdk;
using RulesEngine.Core.Serialization;

namespace RulesEngine.Core.Composition;

/// <summary>
/// A published workflow used as an activity (Elsa's <c>options.usableAsActivity</c>): the node's type is the workflow's
/// name and it carries <c>workflowDefinitionId</c>. Its inputs are the child's inputs, its outputs the child's outputs
/// (bound to variables by memory reference), its outcomes the ones the child completes with. Version rule as Elsa's:
/// the node's <c>version</c> when that version exists, else the published version. The child runs nested.
/// </summary>
public sealed class WorkflowDefinitionActivity : Activity, IHasNestedExpressions
{
    /// <summary>Properties of the node that are not inputs or outputs of the child.</summary>
    private static readonly HashSet<string> NodeKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "nodeId", "name", "type", "version", "customProperties", "metadata", "workflowDefinitionId", "workflowDefinitionVersionId",
        "latestAvailablePublishedVersion", "latestAvailablePublishedVersionId", "canStartWorkflow", "runAsynchronously", "$type", "$id",
    };

    /// <summary>The descriptor the loader binds such a node with (outcomes are the child's, so any port may be connected).</summary>
    public static ActivityDescriptor Describe(ActivityNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new ActivityDescriptor
        {
            TypeName = node.Type,
            Category = "Workflows",
            DisplayName = node.Type,
            Kind = ActivityKind.Action,
            Outcomes = ["Done"],
            DynamicOutcomesInput = "$childOutcomes",
            HasSideEffects = true,
            ClrType = typeof(WorkflowDefinitionActivity),
        };
    }

    /// <summary>The node's inputs for the child: properties holding an expression.</summary>
    public static IEnumerable<(string Name, InputValue Value)> Inputs(ActivityNode node)
    {
        foreach (var (key, value) in node.Raw ?? [])
        {
            if (!NodeKeys.Contains(key) && WorkflowJsonReader.Unwrap(value) is JsonObject o && WorkflowJsonReader.FindKey(o, "expression") is not null)
            {
                yield return (key, WorkflowJsonReader.ReadInput(o, "Object"));
            }
        }
    }

    /// <summary>The node's outputs bound to variables: properties holding only a memory reference.</summary>
    public static IEnumerable<(string Name, string MemoryReferenceId)> Outputs(ActivityNode node)
    {
        foreach (var (key, value) in node.Raw ?? [])
        {
            if (!NodeKeys.Contains(key) && WorkflowJsonReader.Unwrap(value) is JsonObject o && WorkflowJsonReader.FindKey(o, "expression") is null
                && WorkflowJsonReader.FindKey(o, "memoryReference") is { } mr && WorkflowJsonReader.Unwrap(o[mr]) is JsonObject reference
                && reference["id"] is JsonValue id && id.TryGetValue<string>(out var variable) && variable.Length > 0)
            {
                yield return (key, variable);
            }
        }
    }

    /// <summary>The pinned version: the node's <c>version</c> as written in the file; null when it has none.</summary>
    public static int? PinnedVersion(ActivityNode node) =>
        node.Raw is { } raw && WorkflowJsonReader.FindKey(raw, "version") is { } key && raw[key] is JsonValue v && v.TryGetValue<int>(out var version) && version > 0
            ? version
            : null;

    public IEnumerable<NestedExpression> GetNestedExpressions(ActivityNode node) =>
        Inputs(node).Select(i => new NestedExpression(i.Name, i.Value.Expression, typeof(object)));

    public override async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var node = context.Definition;
        var input = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var expression in GetNestedExpressions(node))
        {
            input[expression.Key] = await context.EvaluateAsync<object>(expression, cancellationToken).ConfigureAwait(false);
        }

        var child = await ChildWorkflowRun.ResolveAsync(context, node.WorkflowDefinitionId!, PinnedVersion(node), cancellationToken).ConfigureAwait(false);
        var result = await ChildWorkflowRun.StartAsync(context, child, input, context.CorrelationId, cancellationToken).ConfigureAwait(false);
        Finish(context, child, result);
    }

    public override ValueTask ResumeAsync(ActivityContext context, BookmarkResumption resumption, CancellationToken cancellationToken) =>
        ChildWorkflowRun.ResumeAndFinishAsync(context, resumption, Finish, cancellationToken);

    private static void Finish(ActivityContext context, WorkflowBlueprint child, RunResult result)
    {
        if (!ChildWorkflowRun.Settle(context, child, result))
        {
            return;
        }

        var bindings = Outputs(context.Definition).ToDictionary(o => o.Name, o => o.MemoryReferenceId, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in result.State.Output)
        {
            context.SetOutput(name, value, bindings.GetValueOrDefault(name));
        }

        context.Complete(result.State.Outcomes is { Count: > 0 } outcomes ? outcomes : ["Done"]);
    }
}
